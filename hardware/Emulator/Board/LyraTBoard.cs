namespace InterfaceFirmware.Emulator
{
    public sealed partial class BoardDescription
    {
        /// <summary>
        /// Espressif ESP32-LyraT v4.3 (ES8388 at 0x10), from public pin maps: esp-adf
        /// components/audio_board/lyrat_v4_3/board_def.h and board_pins_config.c, and
        /// pschatzmann/arduino-audiokit src/audio_board/lyrat_v4_3/board_def.h (which names the
        /// touch pads' GPIOs). I2C SDA 18 / SCL 23; I2S MCLK 0, BCLK 5, LRCK 25, DOUT 26, DIN 35.
        /// Rec (36) and Mode (39) are tact switches; Play, Set, Vol+ and Vol− are touch pads
        /// T8/T9/T7/T4 on GPIO 33/32/27/13, modelled here as buttons: on the device they are read
        /// through the ESP32's touch sensor, not as GPIO levels. Headphone detect on 19, low with a
        /// plug in (esp-adf headphone_detect.c: "removed" when high); the speaker amplifier's
        /// enable on 21; the green LED on 22. On-board microphones on LIN1/RIN1, the AUX input on
        /// LIN2/RIN2 (its detect on GPIO 12 is not modelled). hardware/README.md lists the
        /// revision differences.
        /// </summary>
        public static BoardDescription LyraT()
        {
            var board = new BoardDescription();
            board.Name = "lyrat";
            board.Codecs = new CodecDescription[] { new CodecDescription("ES8388", CodecKind.Es8388, 0x10, JackRole.Main, true) };
            board.HasAmplifier = false;
            board.AmplifierAddress = -1;
            board.AmplifierShutdownPin = -1;
            board.I2cBusId = 1;
            board.I2cDataPin = 18;
            board.I2cClockPin = 23;
            board.HasUsbBridge = false;
            board.CodecClockSelectPin = -1;
            board.KeepAlivePin = -1;
            board.JackDetect = new PinDescription("jack", 19, true);
            board.SpeakerAmplifierPin = 21;
            board.Buttons = new PinDescription[]
            {
                new PinDescription("rec", 36, true),      // tact switch, external pull-up (36 is input-only)
                new PinDescription("mode", 39, true),     // tact switch, external pull-up (39 is input-only)
                new PinDescription("play", 33, true),     // touch pad T8
                new PinDescription("set", 32, true),      // touch pad T9
                new PinDescription("volume-up", 27, true),   // touch pad T7
                new PinDescription("volume-down", 13, true), // touch pad T4
            };
            board.Leds = new PinDescription[]
            {
                new PinDescription("green", 22, false),
            };
            board.Inputs = new InputDescription[]
            {
                new InputDescription("aux-left", 1),   // LIN2
                new InputDescription("aux-right", 3),  // RIN2
                new InputDescription("mic-left", 0),   // LIN1
                new InputDescription("mic-right", 2),  // RIN1
            };
            board.ProcessorMilliamps = 35;
            return board;
        }
    }
}
