package dev.evalbench.core.provider.http;

import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.provider.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts one JSON body and reads the reply up to the route's byte limit ({@link BoundedBody}), turning transport trouble into {@link ProviderException}s:
 * a timeout is {@link FailureKind#TIMEOUT}, any other I/O failure (refused, reset, dropped mid-body) is
 * {@link FailureKind#CONNECTION}, an interrupt of the calling thread cancels the call and is
 * {@link FailureKind#CANCELLED} (the interrupt flag is restored). HTTP statuses are not judged here.
 *
 * <p>The call runs on the client's dispatcher while the caller waits on a future: a blocked socket read does
 * not notice a thread interrupt, but waiting on the future does, and {@link Call#cancel()} then closes the
 * socket. {@code timeoutMs} bounds the whole call, connect to last body byte. Thread-safe.
 */
final class HttpTransport {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final String caAdvice;

    /** {@code caAdvice} ends the message of a certificate the client does not trust: how to make it trusted. */
    HttpTransport(OkHttpClient client, String caAdvice) {
        this.client = client;
        this.caAdvice = caAdvice;
    }

    HttpReply post(HttpUrl url, Headers headers, byte[] jsonBody, long timeoutMs, long maxResponseBytes, Redactor redactor)
            throws ProviderException {
        Request request = new Request.Builder().url(url).headers(headers).post(RequestBody.create(jsonBody, JSON)).build();
        Call call = client.newCall(request);
        call.timeout().timeout(timeoutMs, TimeUnit.MILLISECONDS);
        CompletableFuture<HttpReply> reply = new CompletableFuture<>();
        long start = System.nanoTime();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                reply.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    String body = BoundedBody.read(response, maxResponseBytes, () -> redactor.scrub("POST " + url));
                    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    reply.complete(new HttpReply(response.code(), response.headers(), body, latency));
                } catch (IOException | ProviderException e) {
                    reply.completeExceptionally(e);
                }
            }
        });
        try {
            return reply.get();
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new ProviderException(FailureKind.CANCELLED, "POST " + url + ": cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException p) {
                throw p;
            }
            throw failure(url, timeoutMs, e.getCause(), redactor, caAdvice);
        }
    }

    /** What went wrong on the wire, in words: never a Java class name. */
    private static String inWords(Throwable cause) {
        if (cause instanceof java.io.EOFException || cause instanceof java.net.ProtocolException) {
            return "the connection closed before the answer was complete";
        }
        if (cause instanceof java.net.ConnectException) return "connection refused";
        if (cause instanceof java.net.UnknownHostException) return "unknown host " + cause.getMessage();
        if (cause instanceof javax.net.ssl.SSLException) return "TLS failed: " + cause.getMessage();
        if (cause instanceof java.net.SocketException) return "the connection failed: " + cause.getMessage();
        if (cause instanceof IOException) {
            return cause.getMessage() == null ? "the connection failed" : "the connection failed: " + cause.getMessage();
        }
        return "unexpected failure: " + cause.getMessage();
    }

    private static ProviderException failure(HttpUrl url, long timeoutMs, Throwable cause, Redactor redactor,
                                             String caAdvice) {
        String where = redactor.scrub("POST " + url);
        if (untrustedCertificate(cause)) {
            // A TLS-inspecting proxy or a private CA: no retry will help, and the JDK's words
            // ("PKIX path building failed ...") do not say what to do.
            return new ProviderException(FailureKind.CLIENT_ERROR, where + ": certificate not trusted: add its CA with "
                    + caAdvice, null, -1, null);
        }
        String detail = redactor.scrub(inWords(cause));
        if (cause instanceof InterruptedIOException) {
            // OkHttp reports both its call timeout and socket timeouts as InterruptedIOException; our own
            // cancel only happens on a thread interrupt, which is handled before we get here.
            return new ProviderException(FailureKind.TIMEOUT, where + ": no complete answer within " + timeoutMs + " ms",
                    null, -1, null);
        }
        if (cause instanceof IOException) {
            return new ProviderException(FailureKind.CONNECTION, where + ": " + detail, null, -1, null);
        }
        return new ProviderException(FailureKind.INTERNAL, where + ": " + detail, null, -1, null);
    }

    private static boolean untrustedCertificate(Throwable cause) {
        if (!(cause instanceof javax.net.ssl.SSLException)) return false;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertPathBuilderException) {
                return true;
            }
        }
        return false;
    }
}
