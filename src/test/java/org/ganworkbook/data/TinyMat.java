package org.ganworkbook.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Struct;

/**
 * Small MAT-files written with mfl-core for the loader tests, and test images whose orientation can be
 * checked: {@link #pattern} is bright only in an L-shaped corner that changes under any flip or transpose.
 */
final class TinyMat {

    private TinyMat() {
    }

    /**
     * The gray level of pixel (row r, column c) of test image {@code k} of side {@code side}: a bar along
     * the top rows in the left part, a bar down the left column in the top part (an "L" rotated so that
     * transposing, flipping up-down or left-right all move it), and a faint per-image level elsewhere.
     */
    static int pattern(int k, int r, int c, int side) {
        boolean topBar = r < side / 8 && c < side / 2;
        boolean leftBar = c < side / 16 && r < side / 4;
        return topBar || leftBar ? 255 : (17 * k + 3) % 100;
    }

    /** A uint8 (or double) matrix with the given dimensions, filled by {@code value(linear index)}. */
    static Matrix matrix(int[] dims, MatlabType type, java.util.function.IntUnaryOperator value) {
        Matrix m = Mat5.newMatrix(dims, type);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.setDouble(i, value.applyAsInt(i));
        }
        return m;
    }

    /** Olivetti layout: {@code faces} = 4096 × n, image k in column k stored column-major. */
    static Matrix olivettiFaces(int n, MatlabType type) {
        int side = OlivettiFaces.SIDE;
        int d = side * side;
        return matrix(new int[]{d, n}, type, i -> {
            int k = i / d;
            int p = i % d;
            return pattern(k, p % side, p / side, side); // p = r + 64c
        });
    }

    /** TFD, pylearn2's layout: {@code images} = n × 48 × 48, element (k, r, c). */
    static Matrix tfdImagesExampleFirst(int n) {
        int s = Tfd.SIDE;
        return matrix(new int[]{n, s, s}, MatlabType.UInt8, i -> {
            int k = i % n;
            int r = (i / n) % s;
            int c = i / (n * s);
            return pattern(k, r, c, s);
        });
    }

    /** TFD, MATLAB-natural layout: {@code images} = 48 × 48 × n, element (r, c, k). */
    static Matrix tfdImagesExampleLast(int n) {
        int s = Tfd.SIDE;
        return matrix(new int[]{s, s, n}, MatlabType.UInt8, i -> pattern(i / (s * s), i % s, (i / s) % s, s));
    }

    /** A double matrix [rows, cols] from row-major values. */
    static Matrix doubles(int rows, int cols, int... rowMajor) {
        Matrix m = Mat5.newMatrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m.setDouble(r, c, rowMajor[r * cols + c]);
            }
        }
        return m;
    }

    /** Writes the variables (top level, in order) to {@code file}. */
    static Path write(Path file, Map<String, Array> variables) throws IOException {
        MatFile mat = Mat5.newMatFile();
        variables.forEach(mat::addArray);
        Mat5.writeToFile(mat, file.toFile());
        return file;
    }

    /** Writes one 1×1 struct named {@code name} whose fields are the variables. */
    static Path writeStruct(Path file, String name, Map<String, Array> fields) throws IOException {
        Struct s = Mat5.newStruct();
        fields.forEach(s::set);
        Map<String, Array> top = new LinkedHashMap<>();
        top.put(name, s);
        return write(file, top);
    }

    /** An ordered map, for readability. */
    static Map<String, Array> vars(Object... nameValue) {
        Map<String, Array> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], (Array) nameValue[i + 1]);
        }
        return m;
    }
}
