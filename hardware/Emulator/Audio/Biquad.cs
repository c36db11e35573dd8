using System;

namespace InterfaceFirmware.Emulator
{
    /// <summary>A second-order IIR section (RBJ cookbook, Butterworth Q) for the models and the detector.</summary>
    public sealed class Biquad
    {
        private readonly double _b0;
        private readonly double _b1;
        private readonly double _b2;
        private readonly double _a1;
        private readonly double _a2;
        private double _x1;
        private double _x2;
        private double _y1;
        private double _y2;

        private Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
        {
            _b0 = b0 / a0;
            _b1 = b1 / a0;
            _b2 = b2 / a0;
            _a1 = a1 / a0;
            _a2 = a2 / a0;
        }

        public static Biquad LowPass(double cornerHz, int sampleRate)
        {
            double w = 2 * Math.PI * cornerHz / sampleRate;
            double alpha = Math.Sin(w) / (2 * 0.7071067811865476);
            double c = Math.Cos(w);
            return new Biquad((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
        }

        public static Biquad HighPass(double cornerHz, int sampleRate)
        {
            double w = 2 * Math.PI * cornerHz / sampleRate;
            double alpha = Math.Sin(w) / (2 * 0.7071067811865476);
            double c = Math.Cos(w);
            return new Biquad((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
        }

        public double Next(double x)
        {
            double y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
            _x2 = _x1;
            _x1 = x;
            _y2 = _y1;
            _y1 = y;
            return y;
        }

        /// <summary>
        /// <paramref name="first"/> then <paramref name="second"/> (<see cref="Next"/> of each in
        /// turn) over values[from] … values[to − 1], each replaced by the cascade's output: the same
        /// arithmetic, with the second filter one value behind the first in one loop so that their
        /// recurrences overlap (and compiled optimised at once, the state in registers).
        /// </summary>
        public static void FilterCascade(Biquad first, Biquad second, double[] values, int from, int to)
        {
            if (to <= from)
            {
                return;
            }

            double b0 = first._b0, b1 = first._b1, b2 = first._b2, a1 = first._a1, a2 = first._a2;
            double x1 = first._x1, x2 = first._x2, y1 = first._y1, y2 = first._y2;
            double c0 = second._b0, c1 = second._b1, c2 = second._b2, d1 = second._a1, d2 = second._a2;
            double u1 = second._x1, u2 = second._x2, v1 = second._y1, v2 = second._y2;
            double pending = b0 * values[from] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = values[from];
            y2 = y1;
            y1 = pending;
            for (int i = from + 1; i < to; i++)
            {
                double x = values[i];
                double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
                double v = c0 * pending + c1 * u1 + c2 * u2 - d1 * v1 - d2 * v2;
                x2 = x1;
                x1 = x;
                y2 = y1;
                y1 = y;
                u2 = u1;
                u1 = pending;
                v2 = v1;
                v1 = v;
                values[i - 1] = v;
                pending = y;
            }

            double last = c0 * pending + c1 * u1 + c2 * u2 - d1 * v1 - d2 * v2;
            u2 = u1;
            u1 = pending;
            v2 = v1;
            v1 = last;
            values[to - 1] = last;
            first._x1 = x1;
            first._x2 = x2;
            first._y1 = y1;
            first._y2 = y2;
            second._x1 = u1;
            second._x2 = u2;
            second._y1 = v1;
            second._y2 = v2;
        }

        /// <summary>True when input and output history are all 0: a 0 in gives exactly 0 out.</summary>
        public bool IsAtRest
        {
            get { return _x1 == 0 && _x2 == 0 && _y1 == 0 && _y2 == 0; }
        }

        public void Reset()
        {
            _x1 = _x2 = _y1 = _y2 = 0;
        }
    }
}
