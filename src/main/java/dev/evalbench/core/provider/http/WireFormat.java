package dev.evalbench.core.provider.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;

/**
 * One provider's JSON wire format: how a request becomes a body, and how a reply becomes an answer. Pure and
 * thread-safe; the transport, headers, retries and key scrubbing are not its business.
 */
interface WireFormat {
    ObjectNode requestBody(ModelRequest request) throws ProviderException;

    /** The answer in a reply; {@link ProviderException} (BAD_RESPONSE, ...) when the body is not the format. */
    ModelResponse response(HttpReply reply, ModelRequest request) throws ProviderException;

    /**
     * The answer an error reply stands for when the server's content filter stopped the prompt (an empty answer,
     * {@link ModelResponse#withheld()}), or null when the reply is the failure its status says. None by default.
     */
    default ModelResponse withheld(HttpReply reply, ModelRequest request) {
        return null;
    }
}
