using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// The emulated board's GPIO by pin number, as the firmware opens it from its board profile:
    /// the pins the <see cref="BoardDescription"/> wires (buttons, jack detect, LEDs, the
    /// amplifier's SD line, the codec clock select, the speaker amplifier enable). A pin the board
    /// does not wire is refused, as a wrong profile would be on the bench.
    /// </summary>
    public sealed class VirtualGpio : IGpio
    {
        private readonly VirtualBoard _board;

        public VirtualGpio(VirtualBoard board)
        {
            _board = board;
        }

        public IDigitalInput OpenInput(int pin, bool pullUp)
        {
            BoardDescription description = _board.Description;
            for (int i = 0; i < description.Buttons.Length; i++)
            {
                if (description.Buttons[i].Pin == pin)
                {
                    return _board.ButtonInput(description.Buttons[i].Name);
                }
            }

            if (description.JackDetect != null && description.JackDetect.Pin == pin)
            {
                return _board.JackDetect;
            }

            throw new ArgumentException("the board wires no input to GPIO " + pin.ToString());
        }

        public IDigitalOutput OpenOutput(int pin, bool initialLevel)
        {
            IDigitalOutput output = FindOutput(pin);
            if (output == null)
            {
                throw new ArgumentException("the board wires no output to GPIO " + pin.ToString());
            }

            output.Write(initialLevel);
            return output;
        }

        private IDigitalOutput FindOutput(int pin)
        {
            BoardDescription description = _board.Description;
            for (int i = 0; i < description.Leds.Length; i++)
            {
                if (description.Leds[i].Pin == pin)
                {
                    return _board.Led(description.Leds[i].Name);
                }
            }

            if (_board.AmplifierShutdown != null && _board.AmplifierShutdown.Pin == pin)
            {
                return _board.AmplifierShutdown;
            }

            if (_board.ClockSelect != null && _board.ClockSelect.Pin == pin)
            {
                return _board.ClockSelect;
            }

            if (_board.SpeakerAmplifierEnable != null && _board.SpeakerAmplifierEnable.Pin == pin)
            {
                return _board.SpeakerAmplifierEnable;
            }

            return null;
        }
    }
}
