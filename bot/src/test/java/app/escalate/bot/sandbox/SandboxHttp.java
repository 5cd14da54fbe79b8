package app.escalate.bot.sandbox;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/** The sandbox's page routes as a test calls them over HTTP: what a person sees, and what they type or click. */
final class SandboxHttp {
    private final HttpClient http = HttpClient.newHttpClient();
    /** The sandbox's port, asked each time: a test may restart the bot. */
    private final IntSupplier port;

    SandboxHttp(IntSupplier port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonObject post(String path, String json) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(res.body()).getAsJsonObject();
    }

    /** What the page shows {@code user}: the people, their channels, and the messages of {@code channel} when given. */
    JsonObject state(String user, String channel) throws Exception {
        return JsonParser.parseString(get("/sandbox/state?user=" + user + (channel == null ? "" : "&channel=" + channel)).body()).getAsJsonObject();
    }

    /** The id of the first channel {@code user} sees whose name passes {@code name}; null when none does. */
    String channelNamed(String user, Predicate<String> name) throws Exception {
        for (JsonElement c : state(user, null).getAsJsonArray("channels")) {
            if (name.test(c.getAsJsonObject().get("name").getAsString())) return c.getAsJsonObject().get("id").getAsString();
        }
        return null;
    }

    /** The text of every message {@code user} sees in {@code channel}, blocks included, as one string. */
    String texts(String user, String channel) throws Exception {
        StringBuilder all = new StringBuilder();
        state(user, channel).getAsJsonArray("messages").forEach(m -> all.append(m.getAsJsonObject().get("text").getAsString())
                .append('\n').append(m.getAsJsonObject().has("blocks") ? m.getAsJsonObject().get("blocks").toString() : "").append('\n'));
        return all.toString();
    }

    /** {@code user} types {@code text} in the composer of {@code channel}. */
    void command(String user, String channel, String text) throws Exception {
        post("/sandbox/command", "{\"user\":\"" + user + "\",\"channel\":\"" + channel + "\",\"text\":" + new Gson().toJson(text) + "}");
    }
}
