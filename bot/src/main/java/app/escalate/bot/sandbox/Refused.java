package app.escalate.bot.sandbox;

import com.google.gson.Gson;

import java.util.Map;

/** Slack's {@code "ok":false} answer to a Web API call, thrown from wherever the call is found wanting. */
final class Refused extends RuntimeException {
    private static final Gson GSON = new Gson();

    final String answer;

    private Refused(String answer) {
        super(answer, null, false, false);
        this.answer = answer;
    }

    /** The plain refusal: {@code {"ok":false,"error":"<error>"}}. */
    static Refused with(String error) {
        return new Refused(GSON.toJson(Map.of("ok", false, "error", error)));
    }

    /** A refusal with more than its error (the {@code errors} of each user, the scope {@code needed}). */
    static Refused answering(Map<String, ?> answer) {
        return new Refused(GSON.toJson(answer));
    }
}
