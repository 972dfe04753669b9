package dev.evalbench.core.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a Unix file system says of a file that changes whenever its bytes do, as git's index keeps it: the
 * device and inode (which file), its size, and its modification and status-change times to the nanosecond.
 * Writing a file sets its change time to the moment of the write, and no call sets it back ({@code touch -r}
 * and {@code cp -p} restore the modification time only), so a file whose stamp is what it was when it was read
 * holds the bytes it held then, unless it was written within the same tick of the file system's clock as its
 * last change: {@link #settledBefore} is what rules that out. Immutable.
 */
record FileStamp(long device, long inode, long size, long modifiedNanos, long changedNanos) {
    private static final String ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,ctime";

    /**
     * The file's stamp, or null where the platform has no such attributes (Windows) or the file cannot be
     * examined: then nothing is known of it and its bytes are hashed.
     */
    static FileStamp of(Path file) {
        try {
            Map<String, Object> attributes = Files.readAttributes(file, ATTRIBUTES);
            return new FileStamp((Long) attributes.get("dev"), (Long) attributes.get("ino"), (Long) attributes.get("size"),
                    nanos(attributes.get("lastModifiedTime")), nanos(attributes.get("ctime")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException
                 | NullPointerException notUnix) {
            return null;
        }
    }

    /**
     * Whether the file was last written and last changed at least {@code settle} nanoseconds before {@code instant}.
     * A write after {@code instant} then gets a change time later than this one on any file system whose clock
     * steps by less than {@code settle}, so it cannot go unseen.
     */
    boolean settledBefore(Instant instant, long settle) {
        long before = nanos(FileTime.from(instant)) - settle;
        return modifiedNanos <= before && changedNanos <= before;
    }

    /**
     * Field by field, written out: a record's generated {@code equals} is linked on first use through method
     * handles, 13 ms of the workspace load that {@code gate} waits for, where no other record is compared.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp o && device == o.device && inode == o.inode && size == o.size
                && modifiedNanos == o.modifiedNanos && changedNanos == o.changedNanos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inode) * 31 + Long.hashCode(changedNanos);
    }

    /** The stamp as a line of the digest cache's entries. */
    String line() {
        return device + " " + inode + " " + size + " " + modifiedNanos + " " + changedNanos;
    }

    /** The stamp {@link #line()} wrote; null when {@code line} is not one. */
    static FileStamp parse(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 5) return null;
        try {
            return new FileStamp(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]), Long.parseLong(parts[4]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
