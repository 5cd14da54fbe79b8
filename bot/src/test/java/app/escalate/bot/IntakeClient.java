package app.escalate.bot;

import app.escalate.bot.intake.IntakeSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** A machine posting to {@code /api/cases}, signed with a source's secret as the README says. */
final class IntakeClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI cases;

    IntakeClient(int port) {
        this.cases = URI.create("http://127.0.0.1:" + port + "/api/cases");
    }

    HttpResponse<String> post(String json, String secret) throws IOException, InterruptedException {
        return post(json, secret, Instant.now());
    }

    HttpResponse<String> post(String json, String secret, Instant at) throws IOException, InterruptedException {
        String timestamp = Long.toString(at.getEpochSecond());
        return post(json, timestamp, new IntakeSignature(secret).sign(timestamp, json));
    }

    HttpResponse<String> post(String json, String timestamp, String signature) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(cases)
                .header("Content-Type", "application/json")
                .header(IntakeSignature.TIMESTAMP, timestamp)
                .header(IntakeSignature.SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
