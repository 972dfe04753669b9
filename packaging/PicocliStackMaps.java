import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites picocli's classes in the shaded jar as Java 8 class files with stack map frames, in place. Run by
 * Maven's package phase after the shade plugin (pom.xml), as a single-file program with ASM on its class path:
 * {@code java -cp ASM_JAR packaging/PicocliStackMaps.java target/evalbench.jar}.
 *
 * <p>Why: picocli is compiled for Java 5, and the JDK's class-data sharing archives no class file older than Java
 * 6. Every command then parsed and verified picocli's 176 classes it loads, the old verifier inferring their
 * types, while everything else came mapped from the class archive: 30-40 ms of every command's start
 * (docs/performance.md, round 17). The rewrite changes no instruction: ASM reads each class without frames and
 * writes it with frames it computes, under the version number that requires them, so the JVM checks them with
 * its type-checking verifier (a wrong frame would be a VerifyError at load, never a wrong result;
 * {@code PicocliStackMapsIT} loads every rewritten class). Other classes are copied as they are. Exit 1 with
 * the reason on any failure, leaving the jar as it was; silent on success (the build's {@code -q}).
 */
public final class PicocliStackMaps {
    private static final String PREFIX = "picocli/";

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp ASM_JAR packaging/PicocliStackMaps.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path partial = jar.resolveSibling(jar.getFileName() + ".frames.part");
        int rewritten = 0;
        try {
            // A copy, changed in place through the JDK's zip file system, which writes every other entry's bytes
            // as they are (recompressing the whole 44 MB jar took seconds); then moved over the jar.
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            // Frames need the common superclass of two types: found by loading them from the jar itself.
            try (URLClassLoader types = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                 FileSystem zip = FileSystems.newFileSystem(partial, Map.of())) {
                List<Path> classes;
                try (Stream<Path> files = Files.walk(zip.getPath("/" + PREFIX))) {
                    classes = files.filter(f -> f.toString().endsWith(".class")).toList();
                }
                for (Path c : classes) {
                    Files.write(c, withFrames(Files.readAllBytes(c), types));
                    rewritten++;
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            System.err.println("PicocliStackMaps: " + jar + " left as it was: " + e);
            System.exit(1);
        }
        if (rewritten == 0) {
            Files.deleteIfExists(partial);
            System.err.println("PicocliStackMaps: no picocli class in " + jar + " (is the shade plugin's output elsewhere?)");
            System.exit(1);
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] withFrames(byte[] bytes, ClassLoader types) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return types;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Math.max(version, Opcodes.V1_8), access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    private PicocliStackMaps() {}
}
