namespace InterfaceFirmware.Hal
{
    /// <summary>
    /// The ESP32 as the codec's clock master, for when no computer drives the I2S clocks
    /// (standalone headphone-amp mode, dev boards without a USB bridge).
    /// </summary>
    public interface ICodecClock
    {
        /// <summary>The sample rate the ESP32 is generating, in Hz; 0 when stopped.</summary>
        int SampleRate { get; }

        /// <summary>The master clock as a multiple of the sample rate (256 for MCLK = 256·fs); 0 when stopped.</summary>
        int MclkPerFs { get; }

        /// <summary>
        /// Starts MCLK (= <paramref name="mclkPerFs"/> × fs), BCLK and LRCLK towards the codec and
        /// routes them to it. Returns false if the board cannot generate that clock.
        /// </summary>
        bool Start(int sampleRate, int mclkPerFs);

        /// <summary>Stops the clocks and hands the codec's clock inputs back to the USB bridge.</summary>
        void Stop();
    }
}
