namespace InterfaceFirmware.Emulator
{
    /// <summary>The codec a board carries.</summary>
    public enum CodecKind
    {
        Wm8960 = 0,
        Es8388 = 1,
        Sgtl5000 = 2,
    }

    /// <summary>The headphone jack a codec's headphone output feeds.</summary>
    public enum JackRole
    {
        /// <summary>The main jack: through the TPA6130A2 when the board has one, else straight from the codec.</summary>
        Main = 0,

        /// <summary>The second jack, straight from the codec through coupling capacitors.</summary>
        Second = 1,
    }

    /// <summary>One codec on a board: its kind, I2C address, the jack it feeds and whether the ESP32 hears its ADC.</summary>
    public sealed class CodecDescription
    {
        public CodecDescription(string name, CodecKind kind, int address, JackRole jack, bool feedsAdcTap)
        {
            Name = name;
            Kind = kind;
            Address = address;
            Jack = jack;
            FeedsAdcTap = feedsAdcTap;
        }

        /// <summary>The device name in the bus log and the current report (distinct per codec).</summary>
        public string Name { get; }

        public CodecKind Kind { get; }

        /// <summary>The 7-bit address the ESP32 sees (after any address translator).</summary>
        public int Address { get; }

        public JackRole Jack { get; }

        /// <summary>The codec's ADC data output reaches the ESP32 / bridge ADC line (only one codec's may).</summary>
        public bool FeedsAdcTap { get; }

        /// <summary>
        /// The board's TPA6130A2 (and so the main jack) takes this codec's line output rather than
        /// its headphone output; its headphone output then drives the jack <see cref="Jack"/> names
        /// directly. No board is wired so (the portable board feeds the amplifier from codec A's
        /// headphone output); the SGTL5000 driver tests use it for the line out's volume.
        /// </summary>
        public bool LineOutFeedsAmplifier { get; set; }
    }

    /// <summary>A named GPIO on a board (button, LED, status line).</summary>
    public sealed class PinDescription
    {
        public PinDescription(string name, int pin, bool activeLow)
        {
            Name = name;
            Pin = pin;
            ActiveLow = activeLow;
        }

        public string Name { get; }

        public int Pin { get; }

        /// <summary>The function is on when the pin is low (buttons to ground, LEDs to 3.3 V).</summary>
        public bool ActiveLow { get; }
    }

    /// <summary>An analogue input jack (or microphone) and the codec input pin it feeds (on every codec: they are wired in parallel).</summary>
    public sealed class InputDescription
    {
        public InputDescription(string name, int codecPin)
            : this(name, codecPin, -1)
        {
        }

        public InputDescription(string name, int codecPin, int crossPin)
        {
            Name = name;
            CodecPin = codecPin;
            CrossPin = crossPin;
        }

        public string Name { get; }

        /// <summary>
        /// Index into the codec model's input array: WM8960 LINPUT1..3 = 0..2, RINPUT1..3 = 3..5;
        /// ES8388 LIN1, LIN2 = 0, 1 and RIN1, RIN2 = 2, 3.
        /// </summary>
        public int CodecPin { get; }

        /// <summary>A second codec pin the same jack also feeds (the other side's LINPUT3/RINPUT3 on the reference board, for mono monitoring), or -1.</summary>
        public int CrossPin { get; }
    }

    /// <summary>
    /// What a board is made of and how it is wired: chips and their addresses, the I2C pins, the
    /// inputs and outputs, buttons, LEDs and status lines. The emulator builds a
    /// <see cref="VirtualBoard"/> from it; pins and addresses match hardware/README.md.
    /// </summary>
    public sealed partial class BoardDescription
    {
        public string Name { get; set; }

        /// <summary>The codecs, codec A first (the one the firmware's codec driver starts with).</summary>
        public CodecDescription[] Codecs { get; set; }

        /// <summary>Codec A's kind.</summary>
        public CodecKind Codec
        {
            get { return Codecs[0].Kind; }
        }

        /// <summary>Codec A's address.</summary>
        public int CodecAddress
        {
            get { return Codecs[0].Address; }
        }

        /// <summary>TPA6130A2 fitted on the main jack.</summary>
        public bool HasAmplifier { get; set; }

        public int AmplifierAddress { get; set; }

        /// <summary>
        /// I2C address of a PCA9536 GPIO expander (P0: 48 V phantom power, P1/P2: Hi-Z select of
        /// input 1/2); -1 when the board has none.
        /// </summary>
        public int ExpanderAddress { get; set; } = -1;

        /// <summary>GPIO driving the amplifier's SD (shutdown, active low) pin; -1 when hard-wired on.</summary>
        public int AmplifierShutdownPin { get; set; }

        public int I2cBusId { get; set; }

        public int I2cDataPin { get; set; }

        public int I2cClockPin { get; set; }

        /// <summary>A class-compliant USB audio bridge carries the computer's audio (absent on dev boards).</summary>
        public bool HasUsbBridge { get; set; }

        /// <summary>GPIO that hands the codec's clocks to the ESP32 (high) or the USB bridge (low); -1 if none.</summary>
        public int CodecClockSelectPin { get; set; }

        /// <summary>GPIO switching the power-bank keep-alive load; -1 if none.</summary>
        public int KeepAlivePin { get; set; }

        /// <summary>Main headphone jack detect line.</summary>
        public PinDescription JackDetect { get; set; }

        /// <summary>Enable of an on-board speaker amplifier (A1S: NS4150); -1 if none. Speakers are not rendered.</summary>
        public int SpeakerAmplifierPin { get; set; }

        public PinDescription[] Buttons { get; set; }

        public PinDescription[] Leds { get; set; }

        public InputDescription[] Inputs { get; set; }

        /// <summary>Supply current of the ESP32 module with radios off, in mA.</summary>
        public double ProcessorMilliamps { get; set; }

        /// <summary>
        /// The reference board (hardware/README.md): codec A (WM8960 at 0x1A) feeds the TPA6130A2
        /// and the main jack and is the only one whose ADC reaches the ESP32; codec B (a second
        /// WM8960 behind an LTC4316 address translator, 0x1A XOR 0x40 = 0x5A) drives the second jack.
        /// Both are I2S slaves on the same clocks and playback data; the inputs reach both.
        /// </summary>
        public static BoardDescription Reference()
        {
            var board = new BoardDescription();
            board.Name = "reference";
            board.Codecs = new CodecDescription[]
            {
                new CodecDescription("WM8960", CodecKind.Wm8960, 0x1A, JackRole.Main, true),
                new CodecDescription("WM8960-B", CodecKind.Wm8960, 0x1A ^ 0x40, JackRole.Second, false),
            };
            board.HasAmplifier = true;
            board.AmplifierAddress = 0x60;
            board.AmplifierShutdownPin = 21;
            board.ExpanderAddress = 0x41;
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
                // The PGA's non-inverting inputs (LINPUT2/RINPUT2): the monitor is in phase with
                // playback (LINPUT1 only reaches the inverting input). Each jack also feeds the
                // other side's INPUT3, which reaches the output mixer directly (LI2LO/RI2RO):
                // the cross-feed for mono monitoring, ahead of the input gain.
                new InputDescription("input-1", 1, 5), // LINPUT2, and RINPUT3
                new InputDescription("input-2", 4, 2), // RINPUT2, and LINPUT3
            };
            board.ProcessorMilliamps = 30;
            return board;
        }

        /// <summary>
        /// AI-Thinker ESP32-A1S Audio Kit v2.2 (ES8388 at 0x10), from public pin maps:
        /// pschatzmann/arduino-audio-tools ai-thinker.h and arduino-audiokit ai_thinker_es8388_5.h,
        /// marcel-licence notes (keys, "jack insertion: GPIO39 (inserted low)", "D4 -> GPIO22 …
        /// (active low)"). Some v2.2 boards put I2C on SDA 23 / SCL 18 instead of 33 / 32.
        /// Microphones on LIN1/RIN1, the line-in jack on LIN2/RIN2.
        /// </summary>
        public static BoardDescription AudioKit()
        {
            var board = new BoardDescription();
            board.Name = "audiokit";
            board.Codecs = new CodecDescription[]
            {
                new CodecDescription("ES8388", CodecKind.Es8388, 0x10, JackRole.Main, true),
            };
            board.HasAmplifier = false;
            board.AmplifierAddress = -1;
            board.AmplifierShutdownPin = -1;
            board.I2cBusId = 1;
            board.I2cDataPin = 33;
            board.I2cClockPin = 32;
            board.HasUsbBridge = false;
            board.CodecClockSelectPin = -1;
            board.KeepAlivePin = -1;
            board.JackDetect = new PinDescription("jack", 39, true);
            board.SpeakerAmplifierPin = 21;
            board.Buttons = new PinDescription[]
            {
                new PinDescription("key1", 36, true),
                new PinDescription("key2", 13, true),
                new PinDescription("key3", 19, true),
                new PinDescription("key4", 23, true),
                new PinDescription("key5", 18, true),
                new PinDescription("key6", 5, true),
            };
            board.Leds = new PinDescription[]
            {
                new PinDescription("d4", 22, true),
            };
            board.Inputs = new InputDescription[]
            {
                new InputDescription("line-left", 1),  // LIN2
                new InputDescription("line-right", 3), // RIN2
                new InputDescription("mic-left", 0),   // LIN1
                new InputDescription("mic-right", 2),  // RIN1
            };
            board.ProcessorMilliamps = 35;
            return board;
        }
    }
}
