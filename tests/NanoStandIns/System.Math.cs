// Stand-in for the nanoFramework.System.Math package (assembly System.Math), which NuGet does not
// serve here: declarations only, compiled against the real nanoFramework mscorlib so that the
// device-faithful compile (nfproj.device.targets) can bind. Never deployed, never run.
//
// Source: nanoframework/System.Math main, nanoFramework.System.Math/Math.cs (stored versions a730259b and 0b7e93e8),
// cross-checked with nanoframework/nf-interpreter src/CLR/System.Math/nf_native_system_math.cpp @068c2b3c
// (Cbrt, Max(Single), Min(Single)). Same members as tests/HostTests/Gates/Allowlist/nanoFramework.System.Math.txt.
// Only double (and the listed int/float) overloads: no long/uint Max/Min/Abs, no Clamp, no Round(double, int).

namespace System
{
    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;

        public static int Abs(int val) => throw null;
        public static double Abs(double val) => throw null;
        public static float Abs(float val) => throw null;
        public static double Acos(double d) => throw null;
        public static double Asin(double d) => throw null;
        public static double Atan(double d) => throw null;
        public static double Atan2(double y, double x) => throw null;
        public static double Cbrt(double d) => throw null;
        public static double Ceiling(double d) => throw null;
        public static double Cos(double a) => throw null;
        public static double Cosh(double a) => throw null;
        public static double Exp(double d) => throw null;
        public static double Floor(double d) => throw null;
        public static double IEEERemainder(double x, double y) => throw null;
        public static double Log(double d) => throw null;
        public static double Log10(double d) => throw null;
        public static int Max(int val1, int val2) => throw null;
        public static double Max(double val1, double val2) => throw null;
        public static float Max(float val1, float val2) => throw null;
        public static int Min(int val1, int val2) => throw null;
        public static double Min(double val1, double val2) => throw null;
        public static float Min(float val1, float val2) => throw null;
        public static double Pow(double x, double y) => throw null;
        public static double Round(double d) => throw null;
        public static int Sign(double value) => throw null;
        public static int Sign(float value) => throw null;
        public static double Sin(double a) => throw null;
        public static double Sinh(double value) => throw null;
        public static double Sqrt(double d) => throw null;
        public static double Tan(double a) => throw null;
        public static double Tanh(double value) => throw null;
        public static double Truncate(double d) => throw null;
    }
}
