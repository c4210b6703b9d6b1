package io.jdatagen.image;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Keras's ZCA whitening matrix {@code W = U·diag(√n / (s + ε))·Uᵀ}, where {@code U, s} are the
 * left singular vectors and singular values of {@code Fᵀ} for the centred data {@code F} (n×d).
 * With more samples than features it decomposes the d×d Gram matrix {@code FᵀF = U·s²·Uᵀ}
 * instead of the d×n matrix (same result, far less memory); otherwise it takes the SVD directly.
 */
final class ZcaWhitening {
    private ZcaWhitening() {
    }

    /** The row-major d×d whitening matrix of the n×d row-major data {@code f}. */
    static double[] matrix(double[] f, int n, int d, double epsilon) {
        DMatrixRMaj data = DMatrixRMaj.wrap(n, d, f);
        if (n > d) {
            DMatrixRMaj gram = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(data, data, gram);
            return fromGram(gram.data, n, d, epsilon);
        }
        DMatrixRMaj transposed = CommonOps_DDRM.transpose(data, null);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, n, true, false, true);
        if (!svd.decompose(transposed)) {
            throw new IllegalStateException("ZCA: the SVD of the " + d + "x" + n + " data did not converge");
        }
        return whitening(svd.getU(null, false), svd.getSingularValues(), n, d, epsilon);
    }

    /**
     * The row-major d×d whitening matrix from the Gram matrix {@code FᵀF} (row-major, d×d) of n
     * samples, n &gt; d: how data gathered in parts (partial Gram matrices summed) is whitened.
     */
    static double[] fromGram(double[] gram, long n, int d, double epsilon) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(d, d, gram.clone()))) {
            throw new IllegalStateException("ZCA: the eigen-decomposition of the " + d + "x" + d
                    + " Gram matrix did not converge");
        }
        DMatrixRMaj u = new DMatrixRMaj(d, d);
        double[] s = new double[d];
        for (int k = 0; k < d; k++) {
            s[k] = Math.sqrt(Math.max(0.0, eig.getEigenvalue(k).getReal()));
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int r = 0; r < d; r++) {
                u.set(r, k, v.get(r, 0));
            }
        }
        return whitening(u, s, n, d, epsilon);
    }

    private static double[] whitening(DMatrixRMaj u, double[] s, long n, int d, double epsilon) {
        int k = u.numCols;
        double sqrtN = Math.sqrt(n);
        double[] w = new double[d * d];
        for (int c = 0; c < k; c++) {
            double scale = sqrtN / (s[c] + epsilon);
            for (int i = 0; i < d; i++) {
                double ui = u.get(i, c) * scale;
                if (ui == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    w[i * d + j] += ui * u.get(j, c);
                }
            }
        }
        return w;
    }
}
