using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Firmware.Controls;
using InterfaceFirmware.Firmware.Indicators;
using InterfaceFirmware.Firmware.Model;

namespace InterfaceFirmware.Firmware.Boards
{
    /// <summary>
    /// The boards the firmware runs on, as data: pins and addresses from hardware/README.md, the
    /// gesture table and the LED table of each (both documented in the README).
    /// </summary>
    public static class BoardProfiles
    {
        /// <summary>The profile called <paramref name="name"/> ("reference", "audiokit", "lyrat", "portable"), or null.</summary>
        public static BoardProfile ByName(string name)
        {
            switch (name)
            {
                case "reference": return Reference();
                case "audiokit": return AudioKit();
                case "lyrat": return LyraT();
                case "portable": return Portable();
                default: return null;
            }
        }

        /// <summary>
        /// The reference board: WM8960 "A" at 0x1A feeding the TPA6130A2 (main jack), WM8960 "B"
        /// behind an LTC4316 address translator at 0x5A driving the second jack, so each jack has
        /// its own zero-cross output volume and its own monitor mix.
        /// </summary>
        public static BoardProfile Reference()
        {
            var board = new BoardProfile();
            board.Name = "reference";
            board.I2cBusId = 1;
            board.I2cDataPin = 18;
            board.I2cClockPin = 23;
            var codecA = new CodecFitting(CodecChip.Wm8960, 0x1A);
            codecA.FeedsCapture = true;
            codecA.CrossFeedOnInput3 = true;
            var codecB = new CodecFitting(CodecChip.Wm8960, 0x5A);
            codecB.CrossFeedOnInput3 = true;
            board.Codecs = new CodecFitting[] { codecA, codecB };
            board.AmplifierAddress = 0x60;
            board.AmplifierShutdownPin = 21;
            board.HasUsbBridge = true;
            board.SpeakerAmplifierPin = -1;
            board.Inputs = new InputSourcePair(InputSource.Input2, InputSource.Input2); // the non-inverting PGA inputs: monitor in phase
            board.MicInputs = board.Inputs; // combo jacks: a microphone is on the same pins (with phantom power if it needs it)
            board.ExpanderAddress = 0x41;
            board.PhantomPin = 0;
            board.HiZPins = new int[] { 1, 2 };

            board.DefaultInputGainCentiDb = 1200;

            board.Jacks = TwoJacks();
            ReferenceControls(board, false);
            return board;
        }

        /// <summary>
        /// The portable board: two SGTL5000s, one per jack (hardware/README.md, "Portable board"):
        /// codec A at 0x0A feeding the TPA6130A2 (main jack) and the capture, codec B at 0x2A (its
        /// CTRL_ADR0_CS high) driving the second jack, so each jack has its own DAC volume,
        /// zero-cross headphone volume, monitor mix, EQ and limiter. Buttons, LEDs and the rest of
        /// the pin map are the reference board's.
        /// </summary>
        public static BoardProfile Portable()
        {
            var board = new BoardProfile();
            board.Name = "portable";
            board.I2cBusId = 1;
            board.I2cDataPin = 18;
            board.I2cClockPin = 23;
            var codecA = new CodecFitting(CodecChip.Sgtl5000, 0x0A);
            codecA.FeedsCapture = true;
            var codecB = new CodecFitting(CodecChip.Sgtl5000, 0x2A);
            board.Codecs = new CodecFitting[] { codecA, codecB };
            board.AmplifierAddress = 0x60;
            board.AmplifierShutdownPin = 21;
            board.HasUsbBridge = true;
            board.SpeakerAmplifierPin = -1;
            board.Inputs = new InputSourcePair(InputSource.Input1, InputSource.Input1);    // LINEIN_L/R
            board.MicInputs = new InputSourcePair(InputSource.Input2, InputSource.Input2); // MIC_IN, on both sides
            board.HasMicInputs = true;
            board.ExpanderAddress = -1;
            board.PhantomPin = -1;
            board.DefaultInputGainCentiDb = 0;

            // The jacks and their ranges are the reference board's (the SGTL5000's headphone volume
            // has 0.5 dB steps and zero-cross; its ceiling is held at 0 dB, where a full-scale DAC
            // stays unclipped). A full-scale sine at level 0 dB peaks at VAG (1.575 V,
            // hardware/README.md "Codec settings"): 1.114 V rms, +0.94 dBV, at either jack (the main
            // jack's level includes the amplifier's gain); the limiter's cap in volts is measured
            // against it.
            board.Jacks = TwoJacks();
            board.Jacks[0].FullScaleCentiDbV = 94;
            board.Jacks[1].FullScaleCentiDbV = 94;
            ReferenceControls(board, true);
            return board;
        }

        /// <summary>
        /// AI-Thinker ESP32-A1S Audio Kit v2.2: one ES8388 (0x10), one jack on its OUT1 (detect
        /// GPIO 39, low with a plug), six keys, LED D4 (active low). No USB audio: standalone.
        /// </summary>
        public static BoardProfile AudioKit()
        {
            BoardProfile board = Es8388Board("audiokit", 33, 32, 39);
            board.SpeakerAmplifierPin = 21;
            board.Buttons = new ButtonProfile[]
            {
                new ButtonProfile("key1", 36, true),
                new ButtonProfile("key2", 13, true),
                new ButtonProfile("key3", 19, true),
                new ButtonProfile("key4", 23, true),
                new ButtonProfile("key5", 18, true),
                new ButtonProfile("key6", 5, true),
            };

            // Espressif's labels for the six keys: REC, MODE, PLAY, SET, VOL−, VOL+.
            board.Gestures = DevBoardGestures(0, 1, 2, 3, 4, 5);
            board.Leds = new LedProfile[] { new LedProfile("d4", 22, true) };
            board.Indicators = SingleLedIndicators();
            return board;
        }

        /// <summary>
        /// Espressif ESP32-LyraT v4.3: one ES8388 (0x10), one headphone jack (detect GPIO 19, low
        /// with a plug), Rec and Mode keys, Play/Set/Vol+/Vol− touch pads, a green LED.
        /// </summary>
        public static BoardProfile LyraT()
        {
            BoardProfile board = Es8388Board("lyrat", 18, 23, 19);
            board.SpeakerAmplifierPin = 21;
            board.Buttons = new ButtonProfile[]
            {
                new ButtonProfile("rec", 36, true),
                new ButtonProfile("mode", 39, true),
                new ButtonProfile("play", 33, true),
                new ButtonProfile("set", 32, true),
                new ButtonProfile("volume-down", 13, true),
                new ButtonProfile("volume-up", 27, true),
            };
            board.Gestures = DevBoardGestures(0, 1, 2, 3, 4, 5);
            board.Leds = new LedProfile[] { new LedProfile("green", 22, false) };
            board.Indicators = SingleLedIndicators();
            return board;
        }

        // The reference board's two jacks (the portable board has the same): the main jack behind
        // the TPA6130A2, which sets the range (changed only while muted), the codec's zero-cross
        // headphone volume the level, the DAC the remainder; its detect on GPIO 27. The second jack
        // on codec B's own headphone driver (3.3 V: about 1 V rms at most).
        private static JackProfile[] TwoJacks()
        {
            var main = new JackProfile("main", 0, true);
            main.DetectPin = 27;
            main.DetectActiveLow = false;
            main.Ranges = new GainRange[]
            {
                new GainRange(HeadphoneRange.InEar, -1780, -1780),
                new GainRange(HeadphoneRange.Normal, -610, -610),
                new GainRange(HeadphoneRange.High, 400, 400),
            };

            var second = new JackProfile("second", 1, false);
            second.Ranges = new GainRange[]
            {
                new GainRange(HeadphoneRange.InEar, -1800, 0),
                new GainRange(HeadphoneRange.Normal, -600, 0),
                new GainRange(HeadphoneRange.High, 0, 0),
            };
            return new JackProfile[] { main, second };
        }

        // The reference board's four buttons, their gestures, its two LEDs and what they show
        // (README "Using the device"). The portable board has the same, with the EQ where the
        // reference board has phantom power: monitor double-click steps the selected jack's EQ
        // preset (counted on the monitor LED), both volume keys together turn its limiter on (at the
        // peaks of its level now) or off.
        private static void ReferenceControls(BoardProfile board, bool eq)
        {
            board.Buttons = new ButtonProfile[]
            {
                new ButtonProfile("volume-up", 13, true),
                new ButtonProfile("volume-down", 14, true),
                new ButtonProfile("monitor", 15, true),
                new ButtonProfile("select", 19, true),
            };
            const int up = 0, down = 1, monitor = 2, select = 3;
            board.Gestures = new GestureBinding[]
            {
                new GestureBinding(up, Gesture.Down, UserAction.VolumeUp),
                new GestureBinding(up, Gesture.Repeat, UserAction.VolumeUp),
                new GestureBinding(down, Gesture.Down, UserAction.VolumeDown),
                new GestureBinding(down, Gesture.Repeat, UserAction.VolumeDown),
                new GestureBinding(select, Gesture.Click, UserAction.SelectNextJack),
                new GestureBinding(select, Gesture.DoubleClick, UserAction.ToggleInputGainFocus),
                new GestureBinding(select, Gesture.LongPress, UserAction.CycleGainRange),
                new GestureBinding(select, Gesture.Combo, down, UserAction.ToggleMute),
                new GestureBinding(select, Gesture.Combo, up, UserAction.SetMaximumLevel),
                new GestureBinding(monitor, Gesture.Click, UserAction.CycleMonitorMode),
                new GestureBinding(monitor, Gesture.DoubleClick, eq ? UserAction.CycleEqPreset : UserAction.TogglePhantom),
                new GestureBinding(up, Gesture.Combo, down, eq ? UserAction.ToggleLimiter : UserAction.None),
                new GestureBinding(down, Gesture.Combo, up, eq ? UserAction.ToggleLimiter : UserAction.None),
                new GestureBinding(monitor, Gesture.LongPress, UserAction.AutoGain),
                new GestureBinding(monitor, Gesture.Combo, up, UserAction.BlendTowardPlayback),
                new GestureBinding(monitor, Gesture.ComboRepeat, up, UserAction.BlendTowardPlayback),
                new GestureBinding(monitor, Gesture.Combo, down, UserAction.BlendTowardInputs),
                new GestureBinding(monitor, Gesture.ComboRepeat, down, UserAction.BlendTowardInputs),
                new GestureBinding(select, Gesture.ComboLong, monitor, UserAction.ResetToDefaults),
                new GestureBinding(monitor, Gesture.ComboLong, select, UserAction.ResetToDefaults),
            };

            board.Leds = new LedProfile[]
            {
                new LedProfile("status", 22, false),
                new LedProfile("monitor", 2, false),
            };
            const int status = 0, monitorLed = 1;
            board.Indicators = new IndicatorBinding[]
            {
                new IndicatorBinding(status, Indication.Fault, LedPatterns.FastBlink),
                new IndicatorBinding(status, Indication.Busy, LedPatterns.Blink),
                new IndicatorBinding(status, Indication.SelectedFirstJack, LedPatterns.OneFlash),
                new IndicatorBinding(status, Indication.SelectedSecondJack, LedPatterns.TwoFlashes),
                new IndicatorBinding(status, Indication.Muted, LedPatterns.SlowBlink),
                new IndicatorBinding(status, Indication.UsbMode, LedPatterns.Solid),
                new IndicatorBinding(status, Indication.Standalone, LedPatterns.Heartbeat),
                new IndicatorBinding(monitorLed, Indication.Fault, LedPatterns.FastBlink),
                new IndicatorBinding(monitorLed, Indication.Clip, LedPatterns.FastBlink),
                new IndicatorBinding(monitorLed, Indication.AutoGainFailed, LedPatterns.TwoFlashes),
                new IndicatorBinding(monitorLed, Indication.AutoGainSucceeded, LedPatterns.OneFlash),
                new IndicatorBinding(monitorLed, Indication.EqPreset, LedPatterns.Counted),
                new IndicatorBinding(monitorLed, Indication.MonitorMono, LedPatterns.SlowBlink),
                new IndicatorBinding(monitorLed, Indication.MonitorStereo, LedPatterns.Solid),
            };
        }

        // The ES8388 dev boards: one codec, one jack on OUT1, the line input on LIN2/RIN2.
        // OUT1 has no zero-cross detector and its step size is uncertain (1.5 dB per the
        // datasheet-derived ports, 1 dB per Linux es8328.c; all agree 0x1E = 0 dB): it stays at
        // 0 dB and the level moves on the DAC, whose volume ramps (DACSOFTRAMP).
        private static BoardProfile Es8388Board(string name, int sda, int scl, int detectPin)
        {
            var board = new BoardProfile();
            board.Name = name;
            board.I2cBusId = 1;
            board.I2cDataPin = sda;
            board.I2cClockPin = scl;
            var codec = new CodecFitting(CodecChip.Es8388, 0x10);
            codec.FeedsCapture = true;
            board.Codecs = new CodecFitting[] { codec };
            board.AmplifierAddress = -1;
            board.AmplifierShutdownPin = -1;
            board.HasUsbBridge = false;
            board.Inputs = new InputSourcePair(InputSource.Input2, InputSource.Input2); // the line jack (LIN2/RIN2)
            board.MicInputs = new InputSourcePair(InputSource.Input1, InputSource.Input1); // the on-board microphones (LIN1/RIN1)
            board.HasMicInputs = true;
            board.ExpanderAddress = -1;
            board.PhantomPin = -1;
            board.DefaultInputGainCentiDb = 0;
            var jack = new JackProfile("main", 0, false);
            jack.DetectPin = detectPin;
            jack.DetectActiveLow = true;
            jack.HoldHeadphoneVolume = true;
            jack.HeadphoneHoldCentiDb = 0;
            jack.Ranges = new GainRange[]
            {
                new GainRange(HeadphoneRange.InEar, -1800, 0),
                new GainRange(HeadphoneRange.Normal, -600, 0),
                new GainRange(HeadphoneRange.High, 0, 0),
            };
            board.Jacks = new JackProfile[] { jack };
            return board;
        }

        // Six keys in Espressif's order: REC, MODE, PLAY, SET, VOL−, VOL+.
        private static GestureBinding[] DevBoardGestures(int rec, int mode, int play, int set, int down, int up)
        {
            return new GestureBinding[]
            {
                new GestureBinding(up, Gesture.Down, UserAction.VolumeUp),
                new GestureBinding(up, Gesture.Repeat, UserAction.VolumeUp),
                new GestureBinding(down, Gesture.Down, UserAction.VolumeDown),
                new GestureBinding(down, Gesture.Repeat, UserAction.VolumeDown),
                new GestureBinding(play, Gesture.Click, UserAction.ToggleMute),
                new GestureBinding(set, Gesture.Click, UserAction.ToggleInputGainFocus),
                new GestureBinding(set, Gesture.LongPress, UserAction.CycleGainRange),
                new GestureBinding(set, Gesture.Combo, up, UserAction.SetMaximumLevel),
                new GestureBinding(mode, Gesture.Click, UserAction.CycleMonitorMode),
                new GestureBinding(mode, Gesture.DoubleClick, UserAction.TogglePhantom),
                new GestureBinding(mode, Gesture.Combo, up, UserAction.BlendTowardPlayback),
                new GestureBinding(mode, Gesture.ComboRepeat, up, UserAction.BlendTowardPlayback),
                new GestureBinding(mode, Gesture.Combo, down, UserAction.BlendTowardInputs),
                new GestureBinding(mode, Gesture.ComboRepeat, down, UserAction.BlendTowardInputs),
                new GestureBinding(rec, Gesture.LongPress, UserAction.AutoGain),
                new GestureBinding(play, Gesture.ComboLong, set, UserAction.ResetToDefaults),
                new GestureBinding(set, Gesture.ComboLong, play, UserAction.ResetToDefaults),
            };
        }

        private static IndicatorBinding[] SingleLedIndicators()
        {
            return new IndicatorBinding[]
            {
                new IndicatorBinding(0, Indication.Fault, LedPatterns.FastBlink),
                new IndicatorBinding(0, Indication.Busy, LedPatterns.Blink),
                new IndicatorBinding(0, Indication.Clip, LedPatterns.Solid),
                new IndicatorBinding(0, Indication.AutoGainFailed, LedPatterns.TwoFlashes),
                new IndicatorBinding(0, Indication.AutoGainSucceeded, LedPatterns.OneFlash),
                new IndicatorBinding(0, Indication.Muted, LedPatterns.SlowBlink),
                new IndicatorBinding(0, Indication.Standalone, LedPatterns.Heartbeat),
            };
        }
    }
}
