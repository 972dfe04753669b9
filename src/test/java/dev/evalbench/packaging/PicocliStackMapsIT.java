package dev.evalbench.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar's picocli classes, rewritten at package with stack map frames (packaging/PicocliStackMaps.java):
 * each is a Java 8 class file that loads under the JVM's type-checking verifier. That the class archive then holds
 * them is checked on the app image's own archive ({@code PackagedImageIT}). Run by failsafe after {@code package}.
 */
class PicocliStackMapsIT {
    private static final Path JAR = Path.of("target/evalbench.jar");

    @Test
    void everyPicocliClassIsAJava8ClassFileThatVerifies() throws Exception {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (!e.getName().startsWith("picocli/") || !e.getName().endsWith(".class")) continue;
                assertThat(majorVersion(jar, e)).as(e.getName()).isGreaterThanOrEqualTo(52);
                names.add(e.getName().replace('/', '.').substring(0, e.getName().length() - ".class".length()));
            }
        }
        assertThat(names).hasSizeGreaterThan(100).contains("picocli.CommandLine");
        // Initialising a class links it, and linking verifies it: a wrong frame throws VerifyError here.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                assertThat(Class.forName(name, true, loader).getClassLoader()).as(name).isSameAs(loader);
            }
        }
    }

    private static int majorVersion(JarFile jar, JarEntry e) throws IOException {
        try (DataInputStream in = new DataInputStream(jar.getInputStream(e))) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            return in.readUnsignedShort();
        }
    }
}
