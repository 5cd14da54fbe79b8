package app.escalate.bot.paging;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.User;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A person's name as a pager shows it ("Kenji Sato"), from Slack's {@code users.info}, kept once
 * found. A read, so called directly; when Slack does not answer the pager simply names nobody
 * (the Slack id is in its details), and the page is not held up for it.
 */
public final class SlackNames implements Function<String, String> {
    private final MethodsClient methods;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public SlackNames(MethodsClient methods) {
        this.methods = methods;
    }

    @Override
    public String apply(String userId) {
        String name = known.get(userId);
        if (name != null) return name;
        try {
            var res = methods.usersInfo(r -> r.user(userId));
            if (!res.isOk() || res.getUser() == null) return "";
            User u = res.getUser();
            String found = Optional.ofNullable(u.getRealName()).filter(n -> !n.isBlank()).orElse(Optional.ofNullable(u.getName()).orElse(""));
            if (!found.isEmpty()) known.put(userId, found);
            return found;
        } catch (IOException | SlackApiException | RuntimeException e) {
            return "";
        }
    }
}
