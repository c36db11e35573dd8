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

        public void Reset()
        {
            _x1 = _x2 = _y1 = _y2 = 0;
        }
    }
}
