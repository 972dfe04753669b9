package dev.evalbench.core.otlp;

import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.json.Json;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * A span exporter to an OTLP JSON Lines file (the OpenTelemetry file exporter's format): one
 * {@code ExportTraceServiceRequest} per line, here one span per line so a line number names a span. Lines are
 * kept in memory and the file is written once, atomically, on {@link #flush()} or {@link #shutdown()}: a failed
 * export never leaves half a file. Not thread-safe (one export at a time).
 */
public final class OtlpFileExporter implements SpanExporter {
    private final Path file;
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private IOException failure;

    public OtlpFileExporter(Path file) {
        this.file = file;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        try {
            for (SpanData span : spans) {
                lines.write(Json.MAPPER.writeValueAsBytes(OtlpJsonEncoding.request(List.of(span))));
                lines.write('\n');
            }
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            failure = e;
            return CompletableResultCode.ofExceptionalFailure(e);
        }
    }

    @Override
    public CompletableResultCode flush() {
        if (failure != null) return CompletableResultCode.ofExceptionalFailure(failure);
        try {
            AtomicFiles.write(file, lines.toByteArray());
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            failure = e;
            return CompletableResultCode.ofExceptionalFailure(e);
        }
    }

    @Override
    public CompletableResultCode shutdown() {
        return flush();
    }
}
