package app.escalate.bot.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Slack's servers do to a typed command before the app gets it (with "escape channels, users
 * and links" on): {@code &}, {@code <} and {@code >} escaped, {@code @Name} of a member turned into
 * {@code <@U…|name>}, {@code #channel} into {@code <#C…|name>}, and {@code @here}, {@code @channel},
 * {@code @everyone} into their special mentions. A name nobody has stays as typed.
 */
final class Mentions {
    private static final Pattern TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}_@#])([@#])([\\p{L}\\p{N}._-]*[\\p{L}\\p{N}_])");
    private static final List<String> SPECIAL = List.of("here", "channel", "everyone");

    private Mentions() {
    }

    static String encode(String typed, List<Workspace.Person> people, List<Workspace.Channel> channels) {
        String escaped = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        Matcher m = TOKEN.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            Optional<String> token = m.group(1).equals("@") ? person(name, people) : channel(name, channels);
            m.appendReplacement(out, Matcher.quoteReplacement(token.orElse(m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static Optional<String> person(String name, List<Workspace.Person> people) {
        String wanted = name.toLowerCase(Locale.ROOT);
        if (SPECIAL.contains(wanted)) return Optional.of("<!" + wanted + ">");
        return people.stream().filter(p -> p.id().equalsIgnoreCase(name) || p.name().toLowerCase(Locale.ROOT).equals(wanted)
                        || p.name().toLowerCase(Locale.ROOT).split("\\s+")[0].equals(wanted))
                .findFirst().map(p -> "<@" + p.id() + "|" + p.name().toLowerCase(Locale.ROOT).split("\\s+")[0] + ">");
    }

    private static Optional<String> channel(String name, List<Workspace.Channel> channels) {
        return channels.stream().filter(c -> !c.direct() && c.name().equalsIgnoreCase(name)).findFirst()
                .map(c -> "<#" + c.id() + "|" + c.name() + ">");
    }
}
