package dev.evalbench.app.reports;

import java.nio.file.Path;

/** How the report views name a key file in lists: its name without {@code .key} / {@code .pub}, then its folder. */
final class SigningKeysLabel {
    private SigningKeysLabel() {}

    static String of(Path keyFile) {
        if (keyFile == null) return "do not sign";
        String name = keyFile.getFileName().toString().replaceFirst("\\.(key|pub)$", "");
        return name + " (" + keyFile.getParent() + ")";
    }
}
