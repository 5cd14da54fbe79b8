package app.escalate.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack telling us the bot lost its access. Every delivery will fail from now on, so the operator
 * must hear it loudly and at once, not as a trickle of refused effects.
 */
public final class AccessLossEvents {
    private static final Logger log = LoggerFactory.getLogger(AccessLossEvents.class);

    private AccessLossEvents() {
    }

    public static void register(App app) {
        app.event(AppUninstalledEvent.class, (req, ctx) -> {
            log.error("Slack says Escalate was uninstalled from workspace {}: nothing can be posted until it is reinstalled",
                    req.getTeamId());
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (req, ctx) -> {
            log.error("Slack revoked Escalate's tokens in workspace {}: nothing can be posted until it is reinstalled",
                    req.getTeamId());
            return ctx.ack();
        });
    }
}
