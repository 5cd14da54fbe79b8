package app.escalate.bot.sandbox;

import app.escalate.bot.sandbox.Workspace.Channel;
import app.escalate.bot.sandbox.Workspace.Person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static app.escalate.bot.sandbox.Workspace.BOT_USER;

/**
 * Who and what is in the workspace (people, channels, who is in each) and what Slack lets the
 * bot see and change there: a private channel it is not in is hidden from it, a public one it is
 * not in is read-only to it, an archived one takes nothing new, and each method needs its scope.
 * Not thread-safe: {@link Workspace} holds its lock around every use.
 */
final class Directory {
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    /** Who made each channel: the bot for those made with conversations.create, else someone in the workspace. */
    private final Map<String, String> creators = new LinkedHashMap<>();
    /** The number of the newest {@code C0CH…} id given out, or taken elsewhere: a new channel's id is past it. */
    private final AtomicInteger ids = new AtomicInteger();
    private final Scopes scopes;
    private final WorkspaceJournal journal;

    Directory(Scopes scopes, WorkspaceJournal journal) {
        this.scopes = scopes;
        this.journal = journal;
    }

    void put(Person person) {
        people.put(person.id(), person);
    }

    Optional<Person> person(String id) {
        return Optional.ofNullable(id).map(people::get);
    }

    List<Person> people() {
        return List.copyOf(people.values());
    }

    List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    String creator(Channel c) {
        return creators.getOrDefault(c.id(), "U0SOMEONE");
    }

    /** A channel by id, or by name with or without its {@code #}. */
    Optional<Channel> channel(String idOrName) {
        if (idOrName == null) return Optional.empty();
        String name = idOrName.startsWith("#") ? idOrName.substring(1) : idOrName;
        return Optional.ofNullable(channels.get(idOrName)).or(() -> channels.values().stream().filter(c -> c.name().equals(name)).findFirst());
    }

    /** A channel the test or the sandbox names, which must exist. */
    Channel known(String idOrName) {
        return channel(idOrName).orElseThrow(() -> new IllegalArgumentException("no channel " + idOrName + " in the workspace"));
    }

    /** A new channel, made by {@code creator} (who is in it); {@code C…} ids for private ones too, as Slack gives them now. */
    Channel create(String name, boolean isPrivate, Optional<String> creator) {
        return add("C0CH" + ids.incrementAndGet(), name, isPrivate, creator);
    }

    Channel add(String id, String name, boolean isPrivate, Optional<String> creator) {
        Channel c = put(new Channel(id, name, isPrivate, new LinkedHashSet<>(), "", false, false), creator);
        creator.ifPresent(who -> join(c, List.of(who)));
        return c;
    }

    /** A channel as it is (its members told apart, by {@link #join}), made by {@code creator} when known. */
    Channel put(Channel c, Optional<String> creator) {
        journal.channel(c, creator);
        creator.ifPresent(who -> creators.put(c.id(), who));
        channels.put(c.id(), c);
        taken(c.id());
        return c;
    }

    /** The channel's topic or archival changed. */
    void replace(Channel c) {
        journal.channel(c, Optional.ofNullable(creators.get(c.id())));
        channels.put(c.id(), c);
    }

    /** An id that is someone's already (a channel a case of the bot names): no new channel gets it. */
    void taken(String id) {
        if (id.matches("C0CH\\d{1,9}")) ids.accumulateAndGet(Integer.parseInt(id.substring(4)), Math::max);
    }

    /** {@code users} are in the channel now. */
    void join(Channel c, List<String> users) {
        List<String> joining = users.stream().filter(u -> !c.members().contains(u)).toList();
        if (joining.isEmpty()) return;
        journal.joined(c.id(), joining);
        c.members().addAll(joining);
    }

    void leave(Channel c, String user) {
        if (!c.members().contains(user)) return;
        journal.left(c.id(), user);
        c.members().remove(user);
    }

    /**
     * The conversation a call names: a channel by id or name, or a person's id for their direct
     * messages with the bot (opened if need be). Nothing for an id Slack does not know: it invents
     * no channels.
     */
    Optional<Channel> resolve(String idOrName) {
        Optional<Channel> known = channel(idOrName);
        if (known.isPresent() || idOrName == null || !idOrName.matches("[UW][A-Z0-9]+")) return known;
        return person(idOrName).map(p -> directWith(p.id()));
    }

    /** The conversation as the bot may see it: a private channel it is not in is hidden, as if it did not exist. */
    Channel visible(String idOrName) {
        Channel c = resolve(idOrName).orElseThrow(() -> Refused.with("channel_not_found"));
        if (c.isPrivate() && !c.members().contains(BOT_USER)) throw Refused.with("channel_not_found");
        return c;
    }

    /** The conversation {@code method} reads, when the bot can see it, has the scope, and is in it (as Slack asks of bots). */
    Channel readable(String method, String idOrName) {
        Channel c = visible(idOrName);
        scopes.require(method, c.kind());
        if (!c.members().contains(BOT_USER)) throw Refused.with("not_in_channel");
        return c;
    }

    /** The conversation {@code method} changes, when readable and not archived. */
    Channel writable(String method, String idOrName) {
        Channel c = visible(idOrName);
        scopes.require(method, c.kind());
        if (c.archived()) throw Refused.with("is_archived");
        if (!c.members().contains(BOT_USER)) throw Refused.with("not_in_channel");
        return c;
    }

    /** The direct-message conversation between the bot and {@code user}. */
    Channel directWith(String user) {
        String id = "D" + user.substring(1);
        Channel known = channels.get(id);
        if (known != null) return known;
        Channel c = put(new Channel(id, "dm-" + user, true, new LinkedHashSet<>(), "", true, false), Optional.empty());
        join(c, List.of(user, BOT_USER));
        return c;
    }

    /**
     * Slack invites all of {@code users} or none: when any cannot be invited, the answer names each
     * one's reason in {@code errors} (the first is the {@code error}) and nobody is invited.
     */
    void invite(Channel c, List<String> users) {
        if (users.isEmpty()) throw Refused.with("no_user");
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String user : users) {
            Optional<Person> person = person(user);
            String error = user.equals(BOT_USER) ? "cant_invite_self" : person.isEmpty() ? "user_not_found"
                    : c.members().contains(user) ? "already_in_channel" : person.get().guest() ? "cant_invite" : null;
            if (error != null) errors.add(Map.of("ok", false, "error", error, "user", user));
        }
        if (!errors.isEmpty()) throw Refused.answering(Map.of("ok", false, "error", errors.get(0).get("error"), "errors", errors));
        join(c, users);
    }
}
