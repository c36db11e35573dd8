namespace InterfaceFirmware.Emulator
{
    public sealed partial class BoardDescription
    {
        /// <summary>
        /// The portable board (hardware/README.md, "Portable board"): two SGTL5000s, one per jack,
        /// each with its own DAP (EQ, limiter, mixer), DAC volume and zero-cross headphone volume.
        /// Codec A at 0x0A (CTRL_ADR0_CS low) feeds the TPA6130A2 (0x60) and the main jack from its
        /// headphone output, and its ADC is what the computer records; codec B at 0x2A (CTRL_ADR0_CS
        /// high) drives the second jack through 220 µF. Both hear the same inputs (stereo line in on
        /// LINEIN_L/R, one microphone on MIC_IN) and the same I2S playback. The USB bridge, clock
        /// select, keep-alive, buttons, LEDs, jack detect and I2C pins are the reference board's, so
        /// the firmware's pin map and the bridge wiring carry over unchanged.
        /// </summary>
        public static BoardDescription Portable()
        {
            var board = new BoardDescription();
            board.Name = "portable";
            board.Codecs = new CodecDescription[]
            {
                new CodecDescription("SGTL5000", CodecKind.Sgtl5000, 0x0A, JackRole.Main, true),
                new CodecDescription("SGTL5000-B", CodecKind.Sgtl5000, 0x2A, JackRole.Second, false),
            };
            board.HasAmplifier = true;
            board.AmplifierAddress = 0x60;
            board.AmplifierShutdownPin = 21;
            board.I2cBusId = 1;
            board.I2cDataPin = 18;
            board.I2cClockPin = 23;
            board.HasUsbBridge = true;
            board.CodecClockSelectPin = 4;
            board.KeepAlivePin = 12;
            board.JackDetect = new PinDescription("jack", 27, false);
            board.SpeakerAmplifierPin = -1;
            board.Buttons = new PinDescription[]
            {
                new PinDescription("volume-up", 13, true),
                new PinDescription("volume-down", 14, true),
                new PinDescription("monitor", 15, true),
                new PinDescription("select", 19, true),
            };
            board.Leds = new PinDescription[]
            {
                new PinDescription("status", 22, false),
                new PinDescription("monitor", 2, false),
            };
            board.Inputs = new InputDescription[]
            {
                new InputDescription("line-left", 0),  // LINEIN_L
                new InputDescription("line-right", 1), // LINEIN_R
                new InputDescription("mic", 2),        // MIC_IN
            };
            board.ProcessorMilliamps = 30;
            return board;
        }
    }
}
