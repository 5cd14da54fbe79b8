package app.escalate.bot.sandbox;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Slack workspace in memory: people, channels, messages (ephemeral ones too), pins,
 * reactions, read markers and open modals, with the Web API methods the bot calls answered as
 * Slack's are ({@link WebApi}). The sandbox serves it to the bot over HTTP (the bot's Slack client
 * does not know the difference), shows it in a browser, and keeps it in the bot's database
 * ({@link StoredWorkspace}); the tests serve the same answers from their fake Web API.
 */
public final class Workspace {
    public static final String BOT_USER = "U0BOT";
    private static final java.util.regex.Pattern TRAILING_NUMBER = java.util.regex.Pattern.compile("(\\d{1,9})$");

    /** A person; a {@code guest} (Slack's restricted account) is only in the channels an admin put them in. */
    public record Person(String id, String name, String timeZone, boolean guest) {
    }

    public record Channel(String id, String name, boolean isPrivate, Set<String> members, String topic, boolean direct, boolean archived) {
        Channel withTopic(String value) {
            return new Channel(id, name, isPrivate, members, value, direct, archived);
        }

        Scopes.Kind kind() {
            return direct ? Scopes.Kind.DIRECT : isPrivate ? Scopes.Kind.PRIVATE : Scopes.Kind.PUBLIC;
        }
    }

    /** A message as the page shows it; {@code ephemeralFor} is the only person who sees it, when set. */
    public record Message(String channel, String ts, String user, String text, JsonElement blocks, String ephemeralFor, boolean pinned) {
    }

    /** A modal open for {@code user}. */
    public record View(String id, String user, JsonElement view) {
    }

    private final Gson gson = new Gson();
    /** The number in the newest message ts, view and file id given out: each new one is past it, after a restart too. */
    private final AtomicInteger ids = new AtomicInteger();
    private final Scopes scopes = new Scopes();
    private final WorkspaceJournal journal;
    private final Directory directory;
    private final Messages messages;
    private final Views views;
    private volatile String socketModeUrl;
    private final Uploads uploads;
    private final WebApi api;
    /** What message timestamps are made from: the sandbox's clock, so a message reads as sent when the bot thinks it is. */
    private final Clock clock;
    /** Reactions on messages, by channel and ts: each emoji's name with who added it, in order. */
    private final Reactions reactions = new Reactions();
    private final ReadMarkers readMarkers = new ReadMarkers();

    /** A workspace on real time. */
    public Workspace() {
        this(Clock.systemUTC());
    }

    /** A workspace that keeps nothing: gone when the process ends. */
    public Workspace(Clock clock) {
        this(clock, WorkspaceJournal.NONE);
    }

    /** A workspace that tells {@code journal} of each change, as it is made. */
    Workspace(Clock clock, WorkspaceJournal journal) {
        this.clock = clock;
        this.journal = journal;
        this.directory = new Directory(scopes, journal);
        this.messages = new Messages(journal);
        this.uploads = new Uploads(journal);
        this.views = new Views(journal);
        this.api = new WebApi(scopes, directory, messages, views, uploads, clock, ids::incrementAndGet, this::nextTs, () -> socketModeUrl);
    }

    public synchronized void addPerson(String id, String name, String timeZone) {
        directory.put(new Person(id, name, timeZone, directory.person(id).map(Person::guest).orElse(false)));
    }

    /** {@code userId} is a guest of the workspace (made one if need be): the bot cannot invite them anywhere. */
    public synchronized void guest(String userId) {
        Person p = directory.person(userId).orElse(new Person(userId, userId.toLowerCase(), "UTC", false));
        directory.put(new Person(p.id(), p.name(), p.timeZone(), true));
    }

    public synchronized void timeZone(String user, String zone) {
        Person p = directory.person(user).orElse(new Person(user, user.toLowerCase(), zone, false));
        directory.put(new Person(user, p.name(), zone, p.guest()));
    }

    /** The bot token's scopes: at first those manifest.yml asks for. */
    public Set<String> grantedScopes() {
        return scopes.granted();
    }

    /** An admin takes {@code scope} away: the methods that need it answer {@code missing_scope}. */
    public void revokeScope(String scope) {
        scopes.revoke(scope);
    }

    /** The granted scopes as Slack's {@code X-OAuth-Scopes} response header lists them. */
    public String scopesHeader() {
        return scopes.header();
    }

    /** A public channel someone made (made if need be), with nobody in it: the bot too must be invited. */
    public synchronized Channel addChannel(String name) {
        return directory.channel(name).orElseGet(() -> directory.create(name, false, Optional.empty()));
    }

    /** A channel someone made, with the id Slack gave it (a {@code C…} id for a new channel, private or not), with nobody in it. */
    public synchronized Channel addChannel(String id, String name, boolean isPrivate) {
        return directory.add(id, name, isPrivate, Optional.empty());
    }

    /** {@code user} (the bot too, {@link #BOT_USER}) joins the channel, as when someone invites them there. */
    public synchronized void addMember(String channelIdOrName, String user) {
        directory.join(directory.known(channelIdOrName), List.of(user));
    }

    /** A public channel (made if need be) that the bot is not in: posting there answers {@code not_in_channel}. */
    public synchronized void withoutBot(String name) {
        directory.leave(addChannel(name), BOT_USER);
    }

    /** Someone archives the channel: it keeps its name, members and history, and takes nothing new. */
    public synchronized void archive(String channelIdOrName) {
        Channel c = directory.known(channelIdOrName);
        directory.replace(new Channel(c.id(), c.name(), c.isPrivate(), c.members(), c.topic(), c.direct(), true));
    }

    /** Makes a channel name taken, so creating it fails with {@code name_taken}. */
    public synchronized void takeChannelName(String name) {
        addChannel(name);
    }

    /** A message someone wrote in a channel, for {@code conversations.history} to return. */
    public synchronized void messageInChannel(String channel, String ts, String user, String text) {
        messages.add(new Message(idOf(channel), ts, user, text, null, null, false), Optional.empty());
    }

    public void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    public synchronized void uploadBase(String base) {
        uploads.base(base);
    }

    /** The bytes posted to an upload URL this workspace gave out; false for a URL it never gave out. */
    public synchronized boolean uploaded(String fileId, byte[] bytes) {
        return uploads.uploaded(fileId, bytes);
    }

    public synchronized Optional<byte[]> file(String fileId) {
        return uploads.file(fileId);
    }

    public synchronized String newTrigger(String user) {
        String trigger = ids.incrementAndGet() + "." + user + ".sandbox";
        views.trigger(trigger, user);
        return trigger;
    }

    public synchronized String nextTs() {
        return clock.instant().getEpochSecond() + "." + String.format("%06d", ids.incrementAndGet());
    }

    /** Slack's answer to a Web API call, as JSON text. */
    public synchronized String answer(String method, Map<String, String> p) {
        return api.answer(method, p);
    }

    /**
     * What the bot posted to a response URL the sandbox gave out for {@code user} in {@code channel}:
     * empty when taken, else the error Slack answers with (as an HTTP 400's body).
     */
    public synchronized Optional<String> responded(String user, String channel, JsonObject body) {
        String text = body.has("text") ? body.get("text").getAsString() : "";
        JsonElement blocks = body.has("blocks") ? body.get("blocks") : null;
        Optional<BlockKitLimits.Violation> refused = BlockKitLimits.message(text, blocks);
        if (refused.isPresent()) return refused.map(BlockKitLimits.Violation::error);
        boolean inChannel = body.has("response_type") && body.get("response_type").getAsString().equals("in_channel");
        messages.add(new Message(idOf(channel), nextTs(), BOT_USER, text, blocks, inChannel ? null : user, false), Optional.empty());
        return Optional.empty();
    }

    /** A message only {@code user} sees (the reply to a command), shown where they typed it. */
    public synchronized void ephemeral(String user, String channel, String text, JsonElement blocks) {
        messages.add(new Message(idOf(channel), nextTs(), BOT_USER, text, blocks, user, false), Optional.empty());
    }

    public synchronized List<Person> people() {
        return directory.people();
    }

    /** The channels {@code user} sees: public ones, private ones they are in, and their direct messages. */
    public synchronized List<Channel> channelsOf(String user) {
        return directory.channels().stream().filter(c -> !c.isPrivate() || c.members().contains(user)).toList();
    }

    /** The channel's messages as {@code user} sees them: everyone's, and the ephemeral ones meant for them. */
    public synchronized List<Message> messages(String channel, String user) {
        return messages.seenBy(channel, user);
    }

    /** Whether {@code user} is someone in the workspace who sees the channel (public, theirs, or their direct messages). */
    public synchronized boolean sees(String user, String channel) {
        return directory.person(user).isPresent() && channelsOf(user).stream().anyMatch(c -> c.id().equals(channel));
    }

    /**
     * A message {@code user} can act on from its menu (a shortcut, a reaction): in a channel they
     * see, and not an ephemeral one, which Slack offers neither on.
     */
    public synchronized Optional<Message> shared(String user, String channel, String ts) {
        if (!sees(user, channel)) return Optional.empty();
        return messages.shared(channel, ts);
    }

    /** {@code user} adds the reaction {@code name} to a message; false when they already had (Slack answers {@code already_reacted}). */
    public synchronized boolean react(String user, String channel, String ts, String name) {
        if (!reactions.add(user, channel, ts, name)) return false;
        journal.reacted(user, channel, ts, name);
        return true;
    }

    /** {@code user} has seen the channel up to its message {@code ts} (Slack's {@code last_read}); it only moves forward. */
    public synchronized void read(String user, String channel, String ts) {
        if (readMarkers.read(user, channel, ts)) journal.read(user, channel, ts);
    }

    public synchronized Optional<String> lastRead(String user, String channel) {
        return readMarkers.lastRead(user, channel);
    }

    /** The reactions on a channel's messages: per message ts, per emoji name (in the order first added), who added it. */
    public synchronized Map<String, Map<String, List<String>>> reactions(String channel) {
        return reactions.in(channel);
    }

    public synchronized Optional<View> openView(String user) {
        return views.openFor(user);
    }

    public synchronized void closeView(String id) {
        views.close(id);
    }

    /** A channel kept from before a restart, as it was (its members are added after). */
    synchronized void restoreChannel(Channel c, Optional<String> creator) {
        directory.put(c, creator);
    }

    synchronized void restoreMessage(Message m, Optional<JsonElement> metadata) {
        messages.add(m, metadata);
        seen(m.ts());
    }

    synchronized void restoreView(View v) {
        views.restore(v);
        seen(v.id());
    }

    synchronized void restoreFile(String id, byte[] bytes) {
        uploads.restore(id, bytes);
        seen(id);
    }

    /** A channel id known outside the workspace (a case names it): no new channel gets it. */
    synchronized void channelIdTaken(String id) {
        directory.taken(id);
    }

    /** A ts or id given out before: the numbers given out from now on are past the number it ends with. */
    private void seen(String id) {
        java.util.regex.Matcher digits = TRAILING_NUMBER.matcher(id);
        if (digits.find()) ids.accumulateAndGet(Integer.parseInt(digits.group(1)), Math::max);
    }

    /** Everything the workspace holds, as JSON: how a test sees that a refused call changed nothing. */
    synchronized String dump() {
        return gson.toJson(Map.of("people", directory.people(), "channels", directory.channels(), "messages", messages.all(),
                "views", views.ids(), "files", uploads.ids()));
    }

    /** A channel by id, or by name with or without its {@code #}. */
    public synchronized Optional<Channel> channel(String idOrName) {
        return directory.channel(idOrName);
    }



    private String idOf(String channel) {
        return directory.resolve(channel).map(Channel::id).orElse(channel);
    }

}
