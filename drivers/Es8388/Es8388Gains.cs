namespace InterfaceFirmware.Drivers.Es8388
{
    /// <summary>
    /// The ES8388's gain stages as dB scales (ES8388 datasheet, Linux sound/soc/codecs/es8328.c, apache/nuttx
    /// drivers/audio/es8388.h), in 0.01 dB, as the emulator's model decides the uncertain ones.
    /// </summary>
    public static class Es8388Gains
    {
        /// <summary>
        /// Mic PGA (ADCCONTROL1, one nibble per side): 0…8 = 0…+24 dB in 3 dB steps. Codes 9–15 are
        /// undocumented (the model clamps them to +24 dB); the driver never writes them. The PGA has
        /// no mute: a mute request lands on 0 dB (mute the ADC or the monitor paths instead).
        /// </summary>
        public static readonly GainScale MicPga = GainScale.Linear(0, 8, 0, 300, -1);

        /// <summary>
        /// ADC digital volume (ADCCONTROL8/9) and DAC digital volume (DACCONTROL4/5): 0x00 = 0 dB …
        /// 0xC0 = −96 dB, 0.5 dB of attenuation per code. <see cref="DigitalMuteCode"/> (one past
        /// 0xC0, not a register value) stands for the mute bit (ADCMUTE, DACMUTE), which ramps.
        /// </summary>
        public static readonly GainScale Adc = GainScale.Linear(0, 0xC0, 0, -50, DigitalMuteCode);

        /// <summary>The DAC's digital volume: the same scale as the ADC's.</summary>
        public static readonly GainScale Dac = GainScale.Linear(0, 0xC0, 0, -50, DigitalMuteCode);

        public const int DigitalMuteCode = 0xC1;

        /// <summary>
        /// Output mixer bypass gain (DACCONTROL17–20 bits 5:3): 000 = +6 dB … 111 = −15 dB, 3 dB
        /// steps. <see cref="BypassOffCode"/> stands for "path off" (the path's enable bit clear).
        /// </summary>
        public static readonly GainScale Bypass = GainScale.Linear(0, 7, 600, -300, BypassOffCode);

        public const int BypassOffCode = 8;

        /// <summary>
        /// OUT1 (LOUT1VOL/ROUT1VOL): 1.5 dB per code, 0x00 = −45 dB, 0x1E = 0 dB, 0x21 = +4.5 dB.
        /// The slope is uncertain (Linux and esp_codec_dev say 1 dB/step; NuttX and the
        /// datasheet-derived drivers 1.5 dB): this follows the emulator's model (hardware/Emulator/Chips/Es8388Model.cs),
        /// all sources agree on 0x1E = 0 dB. Code 0 is −45 dB, not a mute: a mute request lands
        /// there (the DAC's soft mute and the monitor switches silence the output).
        /// </summary>
        public static readonly GainScale Out1 = GainScale.Linear(0, 0x21, -4500, 150, -1);

        /// <summary>OUT1 code for 0 dB (all sources agree).</summary>
        public const int Out1ZeroDbCode = 0x1E;

        /// <summary>The OUT1 code the outputs open from and close to: the lowest level, −45 dB (also its reset value).</summary>
        public const int Out1ClosedCode = 0;
    }
}
