package dev.evalbench.core.provider.http;

import okhttp3.Headers;

/** A complete HTTP response read into memory: status, headers, body text, and how long the call took. */
record HttpReply(int status, Headers headers, String body, long latencyMs) {}
