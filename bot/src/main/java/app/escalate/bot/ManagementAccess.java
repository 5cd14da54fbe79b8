package app.escalate.bot;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who may read {@code /metrics} and the health details on the public port when no
 * {@code MANAGEMENT_PORT} is set: requests from this machine's loopback interface, and only those
 * that did not come through a proxy (a proxy on the same machine forwards the outside world and
 * says so in its forwarding headers).
 */
final class ManagementAccess {
    private ManagementAccess() {
    }

    static boolean allowed(Context ctx) {
        if (ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null || ctx.header("X-Real-IP") != null) return false;
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
