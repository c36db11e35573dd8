using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Drivers.Codec;

namespace InterfaceFirmware.Firmware.Boards
{
    /// <summary>The codec chips the firmware has drivers for.</summary>
    public enum CodecChip
    {
        Wm8960 = 0,
        Es8388 = 1,
        Sgtl5000 = 2,
    }

    /// <summary>A codec fitted on the board: which chip, where on the bus, how its inputs are used.</summary>
    public sealed class CodecFitting
    {
        public CodecFitting(CodecChip chip, int address)
        {
            Chip = chip;
            Address = address;
        }

        public CodecChip Chip { get; }

        public int Address { get; }

        /// <summary>The codec's ADC feeds the ESP32 / USB bridge (only one codec's may).</summary>
        public bool FeedsCapture { get; set; }

        /// <summary>
        /// WM8960: each input is also wired to the other side's INPUT3, which reaches the output
        /// mixer directly: the analogue cross-feed for mono monitoring (hardware/README.md).
        /// </summary>
        public bool CrossFeedOnInput3 { get; set; }
    }

    /// <summary>A button: its name on the board (as printed or documented), GPIO and polarity.</summary>
    public sealed class ButtonProfile
    {
        public ButtonProfile(string name, int pin, bool activeLow)
        {
            Name = name;
            Pin = pin;
            ActiveLow = activeLow;
        }

        public string Name { get; }

        public int Pin { get; }

        /// <summary>Pressed = low (to ground, internal pull-up).</summary>
        public bool ActiveLow { get; }
    }

    /// <summary>An LED: its name, GPIO and polarity.</summary>
    public sealed class LedProfile
    {
        public LedProfile(string name, int pin, bool activeLow)
        {
            Name = name;
            Pin = pin;
            ActiveLow = activeLow;
        }

        public string Name { get; }

        public int Pin { get; }

        /// <summary>Lit when the pin is low.</summary>
        public bool ActiveLow { get; }
    }

    /// <summary>
    /// One headphone gain range of a jack: where its volume range sits. The level's maximum is the
    /// amplifier's gain in this range plus the codec stages at their ceiling; the volume keys move
    /// the level in 0.5 dB steps below it.
    /// </summary>
    public sealed class GainRange
    {
        public GainRange(HeadphoneRange range, int maxLevelCentiDb, int amplifierCentiDb)
        {
            Range = range;
            MaxLevelCentiDb = maxLevelCentiDb;
            AmplifierCentiDb = amplifierCentiDb;
        }

        public HeadphoneRange Range { get; }

        /// <summary>The wished maximum level (0.01 dB re the DAC's full-scale output, ≈1 V rms); the planner lands it on the chips' grid.</summary>
        public int MaxLevelCentiDb { get; }

        /// <summary>The headphone amplifier's gain in this range (ignored on a jack without one).</summary>
        public int AmplifierCentiDb { get; }
    }

    /// <summary>
    /// A headphone jack: the codec whose headphone output feeds it, the amplifier in between (if
    /// any), its detect line, and the gain ranges. On a jack whose codec output volume has no
    /// zero-cross detector (ES8388 OUT1), the level is moved on the DAC's ramped volume and the
    /// output volume held at <see cref="HeadphoneHoldCentiDb"/>.
    /// </summary>
    public sealed class JackProfile
    {
        public JackProfile(string name, int codecIndex, bool throughAmplifier)
        {
            Name = name;
            CodecIndex = codecIndex;
            ThroughAmplifier = throughAmplifier;
            DetectPin = -1;
        }

        public string Name { get; }

        /// <summary>Index into <see cref="BoardProfile.Codecs"/>.</summary>
        public int CodecIndex { get; }

        /// <summary>The board's headphone amplifier drives this jack (fed from the codec's headphone output).</summary>
        public bool ThroughAmplifier { get; }

        /// <summary>GPIO of the jack's plug detect; -1 when the board cannot tell (the jack counts as plugged).</summary>
        public int DetectPin { get; set; }

        /// <summary>The detect line is low with a plug inserted.</summary>
        public bool DetectActiveLow { get; set; }

        /// <summary>Hold the codec's output volume at <see cref="HeadphoneHoldCentiDb"/> and move the level on the DAC (no zero-cross on the output volume).</summary>
        public bool HoldHeadphoneVolume { get; set; }

        public int HeadphoneHoldCentiDb { get; set; }

        /// <summary>
        /// The rms voltage at the jack of a full-scale sine at level 0 dB, in 0.01 dBV: what the
        /// hearing-protection limiter's cap (in volts) is measured against. 0 where not stated.
        /// </summary>
        public int FullScaleCentiDbV { get; set; }

        /// <summary>In-ear, normal, high, indexed by <see cref="HeadphoneRange"/>.</summary>
        public GainRange[] Ranges { get; set; }
    }

    /// <summary>
    /// Everything the firmware needs to know about a board: chips and addresses, pins, buttons and
    /// their gesture table, LEDs and what each one shows, which features exist. Data, not code:
    /// <see cref="BoardProfiles"/> builds one per board.
    /// </summary>
    public sealed class BoardProfile
    {
        public string Name { get; set; }

        public int I2cBusId { get; set; }

        public int I2cDataPin { get; set; }

        public int I2cClockPin { get; set; }

        public CodecFitting[] Codecs { get; set; }

        /// <summary>I2C address of the headphone amplifier (TPA6130A2); -1 when none is fitted.</summary>
        public int AmplifierAddress { get; set; }

        /// <summary>GPIO of the amplifier's SD line (active low); -1 when hard-wired on.</summary>
        public int AmplifierShutdownPin { get; set; }

        public JackProfile[] Jacks { get; set; }

        public ButtonProfile[] Buttons { get; set; }

        public GestureBinding[] Gestures { get; set; }

        public LedProfile[] Leds { get; set; }

        /// <summary>Which LED shows what, in priority order per LED.</summary>
        public IndicatorBinding[] Indicators { get; set; }

        /// <summary>A USB audio bridge clocks the codec when a computer streams (its MCLK is 256·fs).</summary>
        public bool HasUsbBridge { get; set; }

        /// <summary>GPIO of an on-board speaker amplifier's enable, held off (headphones only); -1 if none.</summary>
        public int SpeakerAmplifierPin { get; set; }

        /// <summary>The codec inputs that carry the board's main inputs (left, right).</summary>
        public InputSourcePair Inputs { get; set; }

        /// <summary>The codec inputs the board's microphones are on (dev boards), for the input type Mic; same as <see cref="Inputs"/> where there are none.</summary>
        public InputSourcePair MicInputs { get; set; }

        /// <summary>The board can switch its inputs between line and microphone sources.</summary>
        public bool HasMicInputs { get; set; }

        /// <summary>I2C address of the PCA9536 GPIO expander (phantom power, Hi-Z selects); -1 when none.</summary>
        public int ExpanderAddress { get; set; }

        /// <summary>Expander pin of the 48 V phantom power enable; -1 when the board has no phantom power.</summary>
        public int PhantomPin { get; set; }

        /// <summary>Expander pins of input 1's and input 2's Hi-Z (instrument) select; null when none.</summary>
        public int[] HiZPins { get; set; }

        /// <summary>Input gain at first boot (0.01 dB).</summary>
        public int DefaultInputGainCentiDb { get; set; }

        public bool HasAmplifier
        {
            get { return AmplifierAddress >= 0; }
        }

        /// <summary>Index of the button called <paramref name="name"/>, or -1.</summary>
        public int ButtonIndex(string name)
        {
            for (int i = 0; i < Buttons.Length; i++)
            {
                if (Buttons[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Index of the LED called <paramref name="name"/>, or -1.</summary>
        public int LedIndex(string name)
        {
            for (int i = 0; i < Leds.Length; i++)
            {
                if (Leds[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>The codec inputs selected for the left and right channels.</summary>
    public struct InputSourcePair
    {
        public InputSource Left;
        public InputSource Right;

        public InputSourcePair(InputSource left, InputSource right)
        {
            Left = left;
            Right = right;
        }
    }
}
