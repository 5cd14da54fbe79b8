package app.escalate.bot.slack;

import app.escalate.bot.render.SetupAdvice;
import app.escalate.commands.ChannelId;
import app.escalate.config.Workspace;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks Slack whether the bot can do its job in this workspace: Slack takes the token, the token has
 * every scope {@code manifest.yml} asks for, and the bot is in the policy's team and leadership
 * channels. Each problem comes back as one line saying how to fix it. Run by {@code doctor}, and
 * once after start-up.
 */
public final class SetupCheck {
    /** What {@code auth.test} answers for a token that will never work: a new one is needed. */
    private static final Set<String> BAD_TOKEN = Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired");
    /** Slack names the token's scopes in this header of every answer (the client lower-cases header names). */
    static final String SCOPES_HEADER = "x-oauth-scopes";

    private final MethodsClient slack;
    private final AppManifest manifest;
    private final Workspace workspace;

    /** One check's outcome: a line saying what is fine, or what is wrong and how to fix it. */
    public record Finding(boolean ok, String line) {
        public static Finding ok(String line) {
            return new Finding(true, line);
        }

        public static Finding problem(String line) {
            return new Finding(false, line);
        }
    }

    /** Every check's outcome, in the order they ran. */
    public record Report(List<Finding> findings) {
        public Report {
            findings = List.copyOf(findings);
        }

        public boolean allOk() {
            return findings.stream().allMatch(Finding::ok);
        }

        public List<String> problems() {
            return findings.stream().filter(f -> !f.ok()).map(Finding::line).toList();
        }
    }

    /** {@code slack} carries the bot token; the manifest says what it should be granted; {@code workspace} names the channels. */
    public SetupCheck(MethodsClient slack, AppManifest manifest, Workspace workspace) {
        this.slack = slack;
        this.manifest = manifest;
        this.workspace = workspace;
    }

    public Report run() {
        List<Finding> findings = new ArrayList<>();
        AuthTestResponse auth;
        try {
            auth = slack.authTest(r -> r);
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            findings.add(status == 401 || status == 403 ? badToken("HTTP " + status)
                    : Finding.problem("Slack answered auth.test with HTTP " + status + ": run the check again later."));
            return new Report(findings);
        } catch (IOException e) {
            findings.add(Finding.problem("Could not reach Slack (" + reason(e) + "): check the network, and SLACK_API_URL if it is set."));
            return new Report(findings);
        }
        if (!auth.isOk()) {
            // Every other check would fail the same way: the token is the one thing to fix.
            findings.add(BAD_TOKEN.contains(auth.getError()) ? badToken("`" + auth.getError() + "`")
                    : Finding.problem("Slack refused auth.test: `" + auth.getError() + "`."));
            return new Report(findings);
        }
        findings.add(Finding.ok("Slack takes SLACK_BOT_TOKEN: it is the bot @" + auth.getUser() + " in " + auth.getTeam() + "."));
        findings.addAll(scopes(auth));
        Map<String, String> channels = new LinkedHashMap<>();
        channels.putIfAbsent(workspace.teamChannel(), "workspace.team_channel");
        channels.putIfAbsent(workspace.leadershipChannel(), "workspace.leadership_channel");
        channels.forEach((channel, key) -> findings.add(channel(channel, key)));
        return new Report(findings);
    }

    private static Finding badToken(String answer) {
        return Finding.problem("SLACK_BOT_TOKEN is wrong or revoked (Slack answered " + answer + "): copy the Bot User OAuth Token (xoxb-…) "
                + "from the app's OAuth & Permissions page at api.slack.com/apps (install the app to the workspace if there is none) "
                + "and restart with it.");
    }

    /** The manifest's scopes the token lacks, one line each with what the bot needs it for. */
    private List<Finding> scopes(AuthTestResponse auth) {
        List<String> header = auth.getHttpResponseHeaders() == null ? null : auth.getHttpResponseHeaders().get(SCOPES_HEADER);
        if (header == null || header.isEmpty()) {
            return List.of(Finding.problem("Slack did not say which scopes the token has (no X-OAuth-Scopes header), so they were not checked."));
        }
        Set<String> granted = header.stream().flatMap(h -> Arrays.stream(h.split(","))).map(String::trim).collect(Collectors.toSet());
        List<Finding> missing = manifest.botScopes().stream().filter(s -> !granted.contains(s.name()))
                .map(s -> Finding.problem("The app lacks the scope `" + s.name() + "`" + (s.purpose().isBlank() ? "" : " (" + s.purpose() + ")")
                        + ". " + SetupAdvice.addScope()))
                .toList();
        return missing.isEmpty() ? List.of(Finding.ok("The app has the " + manifest.botScopes().size() + " scopes manifest.yml asks for.")) : missing;
    }

    /** The channel the policy names at {@code key} (by name or id) exists and the bot is in it. */
    private Finding channel(String channel, String key) {
        boolean byId = ChannelId.parse(channel).isPresent();
        String where = byId ? channel : "#" + channel;
        try {
            Optional<String> id = byId ? Optional.of(channel) : idOf(channel);
            if (id.isEmpty()) return Finding.problem(SetupAdvice.notFound(where, key));
            ConversationsInfoResponse info = slack.conversationsInfo(r -> r.channel(id.get()));
            if (!info.isOk()) {
                return "channel_not_found".equals(info.getError()) ? Finding.problem(SetupAdvice.notFound(where, key)) : couldNotLook(where, info);
            }
            Conversation c = info.getChannel();
            if (byId && c.getName() != null) where = "#" + c.getName();
            if (c.isArchived()) return Finding.problem(SetupAdvice.archived(where, key));
            if (!c.isMember()) return Finding.problem(SetupAdvice.invite(where));
            return Finding.ok(where + " (" + key + ") exists and @Escalate is in it.");
        } catch (Refused e) {
            return couldNotLook(where, e.response);
        } catch (SlackApiException e) {
            return Finding.problem("Could not look for " + where + ": Slack answered HTTP " + e.getResponse().code() + ". Run the check again later.");
        } catch (IOException e) {
            return Finding.problem("Could not look for " + where + ": " + reason(e) + ". Run the check again later.");
        }
    }

    /** The id of the channel called {@code name}, among those the bot may see, page by page. */
    private Optional<String> idOf(String name) throws IOException, SlackApiException {
        String cursor = null;
        do {
            String page = cursor;
            var res = slack.conversationsList(r -> r.types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                    .excludeArchived(false).limit(1000).cursor(page));
            if (!res.isOk()) throw new Refused(res);
            Optional<String> found = res.getChannels() == null ? Optional.empty()
                    : res.getChannels().stream().filter(c -> name.equals(c.getName())).map(Conversation::getId).findFirst();
            if (found.isPresent()) return found;
            cursor = res.getResponseMetadata() == null ? null : res.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return Optional.empty();
    }

    private static Finding couldNotLook(String where, SlackApiTextResponse res) {
        String needed = res.getNeeded() == null ? "" : " (the app lacks the scope `" + res.getNeeded() + "`)";
        return Finding.problem("Could not look for " + where + ": Slack answered `" + res.getError() + "`" + needed + ".");
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Slack said no to a look-up, with its reason. */
    private static final class Refused extends RuntimeException {
        private final transient SlackApiTextResponse response;

        Refused(SlackApiTextResponse response) {
            super(response.getError(), null, false, false);
            this.response = response;
        }
    }
}
