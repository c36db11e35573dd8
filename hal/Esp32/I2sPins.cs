namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>The GPIOs of one board's I2S connection between the ESP32 and its codec(s).</summary>
    public sealed class I2sPins
    {
        /// <param name="masterClock">MCLK: the classic ESP32 drives it only on GPIO 0, 1 or 3 (CLK_OUT1..3).</param>
        /// <param name="bitClock">BCLK.</param>
        /// <param name="frameClock">LRCLK (word select).</param>
        /// <param name="dataOut">ESP32 → codec DAC.</param>
        /// <param name="dataIn">Codec ADC → ESP32.</param>
        /// <param name="clockSelect">The line that routes the codecs' clock inputs to the ESP32 (high) or the USB bridge (low); -1 without one.</param>
        public I2sPins(int masterClock, int bitClock, int frameClock, int dataOut, int dataIn, int clockSelect)
        {
            MasterClock = masterClock;
            BitClock = bitClock;
            FrameClock = frameClock;
            DataOut = dataOut;
            DataIn = dataIn;
            ClockSelect = clockSelect;
        }

        public int MasterClock { get; }

        public int BitClock { get; }

        public int FrameClock { get; }

        public int DataOut { get; }

        public int DataIn { get; }

        public int ClockSelect { get; }
    }
}
