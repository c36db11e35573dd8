namespace InterfaceFirmware.Emulator
{
    /// <summary>The clocks arriving at a codec's pins, as the board routes them.</summary>
    public sealed class CodecClocks
    {
        /// <summary>MCLK frequency in Hz; 0 when nothing drives MCLK.</summary>
        public double MclkHz { get; set; }

        /// <summary>LRCLK from an external I2S master (the USB bridge or the ESP32), in Hz; 0 when no external master.</summary>
        public double ExternalLrclkHz { get; set; }

        public void Set(double mclkHz, double externalLrclkHz)
        {
            MclkHz = mclkHz;
            ExternalLrclkHz = externalLrclkHz;
        }
    }

    /// <summary>
    /// One analogue output pin seen from outside: a source voltage behind a resistance (Thévenin).
    /// A driven output has ~0 Ω; a disabled one may be tied to VMID through a resistor, or float.
    /// </summary>
    public sealed class OutputPin
    {
        /// <summary>The pin's source voltage per sample of the current block (full-scale units, bias included).</summary>
        public double[] Voltage { get; } = new double[AudioEngine.BlockFrames];

        /// <summary>Source resistance in ohms for the current block; <see cref="double.PositiveInfinity"/> when floating.</summary>
        public double ResistanceOhms { get; set; } = double.PositiveInfinity;
    }
}
