package app.escalate.bot.llm;

import app.escalate.commands.summary.Prompt;
import app.escalate.commands.summary.SummaryModel;
import app.escalate.commands.triage.TriageModel;
import app.escalate.config.LlmProvider;
import app.escalate.config.LlmSettings;
import app.escalate.config.Secret;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link SummaryModel} (and {@link TriageModel}) on LangChain4j's chat models: OpenAI (or any OpenAI-compatible server),
 * Anthropic or Ollama, as {@code LLM_PROVIDER} says. No retries inside a draft; the whole call is
 * bounded by {@code LLM_TIMEOUT}, after which the draft comes from the template.
 */
public final class LangChainSummaryModel implements SummaryModel, TriageModel, AutoCloseable {
    private static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
    private static final String DEFAULT_ANTHROPIC_MODEL = "claude-3-5-haiku-latest";
    private static final String DEFAULT_OLLAMA_MODEL = "llama3.1";
    private static final int MAX_OUTPUT_TOKENS = 700;

    private final ChatModel chat;
    private final String name;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "model-call");
        t.setDaemon(true);
        return t;
    });

    LangChainSummaryModel(ChatModel chat, String name, Duration timeout) {
        this.chat = chat;
        this.name = name;
        this.timeout = timeout;
    }

    /** The configured model, or empty for {@code LLM_PROVIDER=none} (drafts from the template). */
    public static Optional<LangChainSummaryModel> from(LlmSettings settings) {
        String key = settings.apiKey().map(Secret::value).orElse(null);
        Duration timeout = settings.timeout();
        // The HTTP client gives up a little after our own wait does, so a slow model is always told as "no answer within".
        Duration http = timeout.plusSeconds(2);
        return switch (settings.provider()) {
            case NONE -> Optional.empty();
            case OPENAI -> {
                String model = settings.model().orElse(DEFAULT_OPENAI_MODEL);
                var builder = OpenAiChatModel.builder().modelName(model).apiKey(key == null ? "none" : key).timeout(http)
                        .maxRetries(0).maxTokens(MAX_OUTPUT_TOKENS).temperature(0.2);
                settings.baseUrl().ifPresent(builder::baseUrl);
                yield Optional.of(new LangChainSummaryModel(builder.build(), "openai:" + model, timeout));
            }
            case ANTHROPIC -> {
                String model = settings.model().orElse(DEFAULT_ANTHROPIC_MODEL);
                var builder = AnthropicChatModel.builder().modelName(model).apiKey(key).timeout(http).maxRetries(0)
                        .maxTokens(MAX_OUTPUT_TOKENS);
                settings.baseUrl().ifPresent(builder::baseUrl);
                yield Optional.of(new LangChainSummaryModel(builder.build(), "anthropic:" + model, timeout));
            }
            case OLLAMA -> {
                String model = settings.model().orElse(DEFAULT_OLLAMA_MODEL);
                var builder = OllamaChatModel.builder().maxRetries(0);
                builder.modelName(model).timeout(http).baseUrl(settings.baseUrl().orElse("http://localhost:11434"));
                yield Optional.of(new LangChainSummaryModel(builder.build(), "ollama:" + model, timeout));
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelReply draft(Prompt prompt) throws ModelFailure {
        return ask(prompt.system(), prompt.user());
    }

    @Override
    public String answer(String system, String user) throws ModelFailure {
        return ask(system, user).text();
    }

    private ModelReply ask(String system, String user) throws ModelFailure {
        CompletableFuture<ChatResponse> call = CompletableFuture.supplyAsync(
                () -> chat.chat(SystemMessage.from(system), UserMessage.from(user)), calls);
        try {
            ChatResponse response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            TokenUsage usage = response.tokenUsage();
            return new ModelReply(response.aiMessage().text(), usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                    usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new ModelFailure("no answer within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new ModelFailure(reason(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure("interrupted", e);
        }
    }

    /** A short reason for the draft's note; never the request, which holds the case. */
    private static String reason(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() > 120 ? message.substring(0, 120) + "…" : message;
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
