package app.escalate.bot.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

import java.util.concurrent.CompletableFuture;

/**
 * all-MiniLM-L6-v2 (384 dimensions), run by ONNX on this process's CPU: no case text leaves the
 * process, and it works offline. Loading it takes a second or two, so it is loaded in the background
 * from start and the first embedding waits for it.
 */
public final class MiniLmEmbedder implements Embedder {
    public static final int DIMENSIONS = 384;

    private final CompletableFuture<EmbeddingModel> model;

    private MiniLmEmbedder(CompletableFuture<EmbeddingModel> model) {
        this.model = model;
    }

    /** Starts loading the model on a thread of its own. */
    public static MiniLmEmbedder loading() {
        CompletableFuture<EmbeddingModel> model = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                EmbeddingModel loaded = new AllMiniLmL6V2EmbeddingModel();
                // Reading the model leaves about 250 MB of copies in the heap; one full collection hands them back
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

    @Override
    public float[] embed(String text) {
        return model.join().embed(text).content().vector();
    }
}
