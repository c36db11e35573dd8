using InterfaceFirmware.Hal.Esp32;

namespace InterfaceFirmware.Firmware.Device
{
    /// <summary>
    /// The device-only pins of each board, which the firmware's profiles do not need: the I2S
    /// connection to the codec, and on the reference board the USB bridge's status lines, VBUS
    /// sense and the keep-alive load. Sources: hardware/README.md (pin maps, with their sources).
    /// </summary>
    internal static class DevicePins
    {
        /// <summary>The I2S pins of <paramref name="board"/>, or null for an unknown board.</summary>
        public static I2sPins I2s(string board)
        {
            switch (board)
            {
                // MCLK 0 (CLK_OUT1), BCLK 5, LRCLK 25, DAC data 26, ADC data 35; clock select 4. The
                // portable board keeps the reference board's pin map (hardware/README.md).
                case "reference":
                case "portable": return new I2sPins(0, 5, 25, 26, 35, 4);

                // AI-Thinker ESP32-A1S Audio Kit v2.2: MCLK 0, BCLK 27, LRCK 25, DOUT 26, DIN 35.
                case "audiokit": return new I2sPins(0, 27, 25, 26, 35, -1);

                // Espressif ESP32-LyraT v4.3: MCLK 0, BCLK 5, LRCK 25, DOUT 26, DIN 35.
                case "lyrat": return new I2sPins(0, 5, 25, 26, 35, -1);
                default: return null;
            }
        }

        /// <summary>The reference board's USB lines: VBUS 34, host configured 36, playback 39, capture 32, rate family 33.</summary>
        public static UsbLinkPins ReferenceUsb()
        {
            return new UsbLinkPins(34, 36, 39, 32, 33);
        }

        /// <summary>The reference board's power-bank keep-alive load switch.</summary>
        public const int ReferenceKeepAliveLoad = 12;

        /// <summary>Where the settings slots live: the internal flash drive.</summary>
        public const string SettingsDirectory = "I:\\";

        /// <summary>Two slots for the firmware's alternating-slot scheme, 256 bytes each.</summary>
        public const int SettingsSlots = 2;

        public const int SettingsRecordBytes = 256;

        /// <summary>The user EQ preset files (what <c>eq import</c> writes, deployed with nanoff: README "Headphone EQ presets").</summary>
        public static readonly string[] EqPresetFiles = { "I:\\eq\\user1.eq", "I:\\eq\\user2.eq" };

        /// <summary>The ADC tap's ring (≈ 43 ms at 48 kHz) and read block (≈ 2.7 ms).</summary>
        public const int AdcTapRingFrames = 2048;

        public const int AdcTapBlockFrames = 128;
    }
}
