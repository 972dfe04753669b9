package dev.evalbench.core.provider;

/**
 * One model behind one route. Called concurrently from the run's worker threads, so implementations are
 * thread-safe. A call either returns the raw answer or throws {@link ProviderException} with its kind;
 * it never retries (the router does) and never parses the answer (the eval layer does).
 */
public interface ModelProvider {
    ModelResponse complete(ModelRequest request) throws ProviderException;
}
