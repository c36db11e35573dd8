using System;

namespace InterfaceFirmware.Emulator
{
    /// <summary>dB ↔ linear conversions for the models (the emulator may use Math.Pow; the firmware uses tables).</summary>
    public static class Decibels
    {
        /// <summary>Below this a level counts as silence (−200 dB).</summary>
        public const double Floor = -200.0;

        public static double ToLinear(double db)
        {
            return Math.Pow(10.0, db / 20.0);
        }

        public static double FromCentiDb(int centiDb)
        {
            return Math.Pow(10.0, centiDb / 2000.0);
        }

        public static double ToDb(double linear)
        {
            return linear <= 1e-10 ? Floor : 20.0 * Math.Log10(linear);
        }
    }
}
