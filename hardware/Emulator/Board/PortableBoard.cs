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
            BoardDescription board = Reference(); // its pins, bridge, buttons, LEDs, amplifier and keep-alive
            board.Name = "portable";
            board.Codecs = new CodecDescription[]
            {
                new CodecDescription("SGTL5000", CodecKind.Sgtl5000, 0x0A, JackRole.Main, true),
                new CodecDescription("SGTL5000-B", CodecKind.Sgtl5000, 0x2A, JackRole.Second, false),
            };
            board.ExpanderAddress = -1; // no phantom power, no Hi-Z selects
            board.Inputs = new InputDescription[]
            {
                new InputDescription("line-left", 0),  // LINEIN_L
                new InputDescription("line-right", 1), // LINEIN_R
                new InputDescription("mic", 2),        // MIC_IN
            };
            return board;
        }
    }
}
