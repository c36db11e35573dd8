using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// A GPIO wired to a chip's enable pin (the TPA6130A2's SD, active low: high = running). Low
    /// holds the chip in shutdown: it answers nothing on I2C and comes back from reset values.
    /// </summary>
    public sealed class ChipEnableLine : IDigitalOutput
    {
        private readonly VirtualDigitalOutput _output;
        private readonly I2cChipModel _chip;

        public ChipEnableLine(VirtualClock clock, int pin, I2cChipModel chip)
        {
            _output = new VirtualDigitalOutput(clock, pin, false);
            _chip = chip;
            _chip.SetPowered(false);
        }

        public int Pin
        {
            get { return _output.Pin; }
        }

        public bool Level
        {
            get { return _output.Level; }
        }

        /// <summary>How often the line changed level.</summary>
        public int TransitionCount
        {
            get { return _output.TransitionCount; }
        }

        public void Write(bool level)
        {
            _output.Write(level);
            _chip.SetPowered(level);
        }
    }
}
