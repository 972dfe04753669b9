package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.FailureKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads a response body up to a byte limit, as a stream: a declared {@code Content-Length} above the limit
 * is refused before a byte is read, and an undeclared (chunked) body is read until one byte past the limit at
 * most, so at most {@code limit + 1} bytes are ever held. The bytes must be UTF-8 (JSON always is). Not
 * thread-safe; one call per response.
 */
final class BoundedBody {
    private BoundedBody() {}

    /**
     * @param where names the request in a failure's message; asked only on failure (it is a scrubbed text,
     *     not worth making for every answer)
     * @throws ProviderException TOO_LARGE above the limit, BAD_RESPONSE for bytes that are not UTF-8
     * @throws IOException when the connection fails while reading
     */
    static String read(Response response, long limit, Supplier<String> where) throws IOException, ProviderException {
        long declared = response.body().contentLength();
        if (declared > limit) {
            throw tooLarge(where.get(), "declares " + declared + " bytes", limit);
        }
        BufferedSource source = response.body().source();
        boolean over = source.request(limit + 1);
        if (over) {
            throw tooLarge(where.get(), "is larger", limit);
        }
        Buffer buffer = source.getBuffer();
        byte[] bytes = buffer.readByteArray();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProviderException(FailureKind.BAD_RESPONSE, where.get() + ": the answer is not valid UTF-8 text ("
                    + bytes.length + " bytes)");
        }
    }

    private static ProviderException tooLarge(String where, String what, long limit) {
        return new ProviderException(FailureKind.TOO_LARGE, where + ": the answer " + what + " than the route's max_response_bytes ("
                + limit + "); reading stopped there");
    }
}
