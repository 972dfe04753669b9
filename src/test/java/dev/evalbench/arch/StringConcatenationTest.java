package dev.evalbench.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The product's classes concatenate strings with {@code StringBuilder}, not through {@code invokedynamic}
 * ({@code -XDstringConcat=inline} in pom.xml): each such call site is linked on its first use by method-handle
 * classes spun at run time, which no class archive holds, and a short command meets hundreds of them
 * (docs/performance.md, round 32). A class compiled without the option names the JDK's bootstrap method,
 * {@code makeConcatWithConstants}, in its constant pool.
 */
class StringConcatenationTest {
    private static final Path CLASSES = Path.of(System.getProperty("basedir", "."), "target", "classes");
    private static final byte[] BOOTSTRAP = "makeConcatWithConstants".getBytes(StandardCharsets.US_ASCII);

    @Test
    void noProductClassLinksStringConcatenationAtRunTime() throws IOException {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(classes).as("compiled classes under " + CLASSES).hasSizeGreaterThan(500);
        List<String> linked = classes.stream().filter(StringConcatenationTest::namesTheBootstrap)
                .map(p -> CLASSES.relativize(p).toString()).toList();
        assertThat(linked).as("classes that concatenate through invokedynamic").isEmpty();
    }

    private static boolean namesTheBootstrap(Path classFile) {
        try {
            byte[] bytes = Files.readAllBytes(classFile);
            outer:
            for (int i = 0; i + BOOTSTRAP.length <= bytes.length; i++) {
                for (int j = 0; j < BOOTSTRAP.length; j++) {
                    if (bytes[i + j] != BOOTSTRAP[j]) continue outer;
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
