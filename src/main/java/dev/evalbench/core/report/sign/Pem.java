package dev.evalbench.core.report.sign;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One PEM block (RFC 7468) around DER bytes: 64-column base64 lines, LF line ends. Decoding is strict:
 * the text must be exactly one block with the expected label, optionally followed by blank lines;
 * explanatory text, other labels and malformed base64 are errors naming the file. The one explanatory text
 * allowed is a key's name ({@link KeyName}: a {@code Signer: NAME} line before the block), which RFC 7468 lets
 * parsers skip and OpenSSL does.
 */
final class Pem {
    private static final int LINE = 64;

    private Pem() {}

    static byte[] encode(String label, byte[] der) {
        return encode(label, der, null);
    }

    /** @param name the key's name, written on a line before the block (UTF-8); null for none */
    static byte[] encode(String label, byte[] der, String name) {
        String body = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(body.length() + 80);
        if (name != null) out.append(KeyName.PREFIX).append(name).append('\n');
        out.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < body.length(); i += LINE) {
            out.append(body, i, Math.min(body.length(), i + LINE)).append('\n');
        }
        out.append("-----END ").append(label).append("-----\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param what how to name the expected content in messages, e.g. "PEM private key"
     * @throws SigningInputException naming {@code fileName} when the text is not one {@code label} block
     */
    static byte[] decode(byte[] content, String label, String fileName, String what) throws SigningInputException {
        // PEM is ASCII; ISO-8859-1 maps any byte to a char, so binary files fail the checks below, not here
        List<String> lines = new String(content, StandardCharsets.ISO_8859_1).strip().lines().map(String::strip)
                .dropWhile(l -> l.startsWith(KeyName.PREFIX)).toList();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        if (lines.isEmpty() || !lines.get(0).equals(begin)) {
            String first = lines.isEmpty() ? "" : lines.get(0);
            String found = first.startsWith("-----BEGIN ") && first.endsWith("-----")
                    ? " (found '" + first + "')" : " (expected a '" + begin + "' line first)";
            throw new SigningInputException(fileName + ": not a " + what + found);
        }
        int endIndex = lines.indexOf(end);
        if (endIndex < 0) {
            throw new SigningInputException(fileName + ": not a " + what + " (no '" + end + "' line)");
        }
        if (endIndex != lines.size() - 1) {
            throw new SigningInputException(fileName + ": unexpected text after '" + end + "'");
        }
        String body = String.join("", lines.subList(1, endIndex));
        if (body.isEmpty() || !body.matches("[A-Za-z0-9+/]*={0,2}")) {
            throw new SigningInputException(fileName + ": the " + what + " body is not valid base64");
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new SigningInputException(fileName + ": the " + what + " body is not valid base64", e);
        }
    }
}
