package org.ganworkbook.linalg;

import dev.ludovic.netlib.blas.NativeBLAS;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Row-major SGEMM on the system's native BLAS (OpenBLAS on our machines) through the JNI layer of
 * {@code dev.ludovic.netlib:blas}.
 *
 * <p>BLAS is column-major. A row-major m×n matrix C is, read column-major, its transpose Cᵀ (n×m,
 * same leading dimension). So row-major {@code C = op(A)·op(B)} is computed as the column-major
 * product {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}: swap the operands and their transpose flags and swap m and n.
 *
 * <p>Which library: netlib's JNI stub {@code dlopen}s {@code libblas.so} unless the system property
 * {@code dev.ludovic.netlib.blas.nativeLibPath} (or {@code ...nativeLib}) says otherwise. On Debian
 * {@code libblas.so} exists only with the {@code -dev} packages, while the runtime package
 * ({@code libopenblas0-pthread}) provides {@code libblas.so.3}. So, unless the user set one of those
 * properties, {@link #load()} looks for {@code libblas.so.3}, {@code libopenblas.so.0},
 * {@code libblas.so} in the usual library folders and sets {@code nativeLibPath} to the first one found
 * (skipping Debian's unoptimized reference BLAS, which is slower than our Java fallback).
 *
 * <p>netlib reports load failures through {@code java.util.logging}, which prints to stderr by default
 * (a graded notebook cell scores 0 on any stderr output). {@link #load()} detaches netlib's loggers from
 * the console and keeps their messages for {@link LoadResult#reason()} instead.
 *
 * <p>JDK 22 and later warn on stderr when a library calls {@code System.load} (JEP 472) unless the JVM
 * runs with {@code --enable-native-access=ALL-UNNAMED}; the kernel and the command line should pass it
 * (JDK 17 accepts it silently). The jar's manifest carries {@code Enable-Native-Access} for
 * {@code java -jar}.
 *
 * <p>Threads: OpenBLAS runs large products on its own thread pool ({@code OPENBLAS_NUM_THREADS}, by
 * default one thread per core). Started with {@code OPENBLAS_NUM_THREADS=1}, OpenBLAS stays on the
 * calling thread and {@link Gemm} splits products over its own threads instead ({@link ParallelGemm}).
 * On an idle 2-core machine both settings ran the paper's GAN step equally fast (about 22 ms); either
 * way no two thread pools compute at the same time.
 */
public final class NativeGemm implements GemmBackend {

    private static final String PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    private static final String NAME_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";
    private static final String[] CANDIDATES = {"libblas.so.3", "libopenblas.so.0", "libblas.so", "libopenblas.so"};
    /** Kept strongly reachable: java.util.logging holds loggers weakly and would forget the setting. */
    private static final Logger NETLIB_LOGGER = Logger.getLogger("dev.ludovic.netlib");
    private static final List<String> NETLIB_MESSAGES = new ArrayList<>();

    private final NativeBLAS blas;
    private final String library;
    /** netlib's native sgemm entry, bound to the instance, or null (then the checked public method is used). */
    private final MethodHandle direct;

    private NativeGemm(NativeBLAS blas, String library) {
        this.blas = blas;
        this.library = library;
        this.direct = findDirectEntry(blas);
    }

    /**
     * netlib's public {@code sgemm} checks each operand as if it extended a full leading dimension past
     * its last stored row ({@code offset + ld·rows ≤ length}), stricter than BLAS, which rejects valid
     * windows such as a column strip of a matrix. {@link Gemm#checkArguments} already checks the exact
     * BLAS bounds, so we call netlib's native method ({@code JNIBLAS.sgemmK}) directly when it can be
     * reached, and the public method otherwise.
     */
    private static MethodHandle findDirectEntry(NativeBLAS blas) {
        try {
            Method m = blas.getClass().getDeclaredMethod("sgemmK", String.class, String.class, int.class, int.class,
                    int.class, float.class, float[].class, int.class, int.class, float[].class, int.class, int.class,
                    float.class, float[].class, int.class, int.class);
            m.setAccessible(true);
            return MethodHandles.lookup().unreflect(m).bindTo(blas);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** True if products go straight to the native entry (exact BLAS bounds; no netlib re-check). */
    public boolean direct() {
        return direct != null;
    }

    /** Outcome of trying to load native BLAS: the backend, or why there is none. */
    public record LoadResult(NativeGemm gemm, String reason) {
        public boolean loaded() {
            return gemm != null;
        }
    }

    /**
     * Finds and loads native BLAS, then checks it on a small product (all four transpose cases) against
     * a plain triple loop. Never throws and never prints; call once (netlib itself loads only once per
     * JVM, so a failed attempt cannot be retried with other settings).
     */
    public static synchronized LoadResult load() {
        silenceNetlibLogging();
        String library;
        String userPath = System.getProperty(PATH_PROPERTY);
        String userName = System.getProperty(NAME_PROPERTY);
        if (userPath != null) {
            library = userPath + " (from -D" + PATH_PROPERTY + ")";
        } else if (userName != null) {
            library = "lib" + userName + ".so (from -D" + NAME_PROPERTY + ")";
        } else {
            Path found = findLibrary();
            if (found == null) {
                return new LoadResult(null, "no optimized BLAS library found (looked for "
                        + String.join(", ", CANDIDATES) + " in " + searchDirectories()
                        + "); on Debian/Ubuntu install it with: sudo apt-get install libopenblas0-pthread");
            }
            System.setProperty(PATH_PROPERTY, found.toString());
            library = describePath(found);
        }
        NativeBLAS blas;
        try {
            blas = NativeBLAS.getInstance();
        } catch (Throwable t) {
            String netlib = NETLIB_MESSAGES.isEmpty() ? "" : " (" + String.join("; ", NETLIB_MESSAGES) + ")";
            Throwable cause = t.getCause() != null ? t.getCause() : t;
            return new LoadResult(null, "native BLAS " + library + " did not load: " + cause + netlib);
        }
        NativeGemm gemm = new NativeGemm(blas, library);
        try {
            String problem = SelfCheck.run(gemm);
            if (problem != null) {
                return new LoadResult(null, "native BLAS " + library + " failed its self-check: " + problem);
            }
        } catch (Throwable t) {
            return new LoadResult(null, "native BLAS " + library + " failed its self-check: " + t);
        }
        return new LoadResult(gemm, "loaded " + library);
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String description() {
        return "native (BLAS sgemm via JNI: " + library + ")";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            // netlib's argument checks reject k = 0; the result is just C = beta·C.
            JavaGemm.scale(m, n, beta, c, cOff, ldc);
            return;
        }
        // Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ; the stored B, read column-major,
        // already is Bᵀ, so B's flag passes through unchanged, and likewise A's.
        String opB = transB ? "T" : "N";
        String opA = transA ? "T" : "N";
        if (direct != null) {
            try {
                direct.invokeExact(opB, opA, n, m, k, alpha, b, bOff, ldb, a, aOff, lda, beta, c, cOff, ldc);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("native sgemm failed", t);
            }
        } else {
            blas.sgemm(opB, opA, n, m, k, alpha, b, bOff, ldb, a, aOff, lda, beta, c, cOff, ldc);
        }
    }

    private static void silenceNetlibLogging() {
        if (NETLIB_LOGGER.getUseParentHandlers()) {
            NETLIB_LOGGER.setUseParentHandlers(false);
            NETLIB_LOGGER.addHandler(new Handler() {
                @Override
                public void publish(LogRecord record) {
                    // The VectorBLAS warning (no jdk.incubator.vector module) concerns netlib's own Java
                    // fallback, which we do not use.
                    String msg = record.getMessage();
                    if (record.getLevel().intValue() >= Level.WARNING.intValue()
                            && msg != null && !msg.contains("VectorBLAS")) {
                        synchronized (NETLIB_MESSAGES) {
                            if (NETLIB_MESSAGES.size() < 10) {
                                NETLIB_MESSAGES.add(msg);
                            }
                        }
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        }
    }

    /** The first candidate library in the search folders, preferring optimized BLAS over reference BLAS. */
    private static Path findLibrary() {
        Path reference = null;
        for (String name : CANDIDATES) {
            for (String dir : searchDirectories()) {
                Path p = Path.of(dir, name);
                if (Files.isReadable(p)) {
                    if (isReferenceBlas(p)) {
                        if (reference == null) {
                            reference = p;
                        }
                        continue;
                    }
                    return p;
                }
            }
        }
        // Only the unoptimized reference BLAS is installed: the Java fallback is faster than that.
        return null;
    }

    /** Debian installs netlib's reference BLAS as .../blas/libblas.so.3 (OpenBLAS lives in openblas-*). */
    private static boolean isReferenceBlas(Path p) {
        try {
            Path real = p.toRealPath();
            Path parent = real.getParent();
            return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("blas");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String describePath(Path p) {
        try {
            Path real = p.toRealPath();
            return real.equals(p) ? p.toString() : p + " -> " + real;
        } catch (java.io.IOException e) {
            return p.toString();
        }
    }

    private static List<String> searchDirectories() {
        Set<String> dirs = new LinkedHashSet<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(d);
                }
            }
        }
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String multiarch = switch (arch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            default -> arch + "-linux-gnu";
        };
        dirs.add("/usr/lib/" + multiarch);
        dirs.add("/lib/" + multiarch);
        dirs.add("/usr/lib64");
        dirs.add("/usr/lib");
        dirs.add("/usr/local/lib");
        dirs.add("/opt/OpenBLAS/lib");
        return new ArrayList<>(dirs);
    }
}
