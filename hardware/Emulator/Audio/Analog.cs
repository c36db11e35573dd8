namespace InterfaceFirmware.Emulator
{
    /// <summary>Small arithmetic the chip models share.</summary>
    public static class Analog
    {
        /// <summary>Limits a value to ±<paramref name="limit"/> (an amplifier running into its rails, a converter's full scale).</summary>
        public static double Clip(double value, double limit)
        {
            return value > limit ? limit : value < -limit ? -limit : value;
        }

        /// <summary>Number of set bits (how many blocks of a power register are on).</summary>
        public static int CountBits(int value)
        {
            int count = 0;
            while (value != 0)
            {
                count += value & 1;
                value = (int)((uint)value >> 1);
            }

            return count;
        }
    }
}
