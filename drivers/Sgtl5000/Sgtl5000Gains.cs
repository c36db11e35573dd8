namespace InterfaceFirmware.Drivers.Sgtl5000
{
    /// <summary>
    /// The SGTL5000's gain stages as dB scales, in 0.01 dB (Linux sound/soc/codecs/sgtl5000.c
    /// TLVs and comments; the datasheet's register descriptions as control_sgtl5000.cpp quotes them).
    /// </summary>
    public static class Sgtl5000Gains
    {
        /// <summary>
        /// Headphone (CHIP_ANA_HP_CTRL, 7 bits per side): field 0x00 = +12 dB, 0x18 = 0 dB … 0x7F =
        /// −51.5 dB, 0.5 dB steps. The scale's code rises with the gain, as the driver base wants:
        /// code = 0x80 − field (1 = −51.5 dB … 0x80 = +12 dB), and code 0 stands for MUTE_HP (the
        /// mute bit in CHIP_ANA_CTRL: the field has no mute value). Teensy volumeInteger does the same.
        /// </summary>
        public static readonly GainScale Headphone = GainScale.Linear(1, 0x80, -5150, 50, HeadphoneMuteCode);

        public const int HeadphoneMuteCode = 0;

        /// <summary>The CHIP_ANA_HP_CTRL field of a headphone code (not the mute code).</summary>
        public static int HeadphoneField(int code)
        {
            return 0x80 - code;
        }

        /// <summary>The headphone code of a CHIP_ANA_HP_CTRL field.</summary>
        public static int HeadphoneCode(int field)
        {
            return 0x80 - (field & 0x7F);
        }

        /// <summary>
        /// DAC digital volume (CHIP_DAC_VOL, 8 bits per side): 0x3C = 0 dB … 0xF0 = −90 dB, 0.5 dB
        /// steps (the datasheet says 0.5017 dB but also that 0xF0 is −90 dB: 0.5 is taken), 0xFC
        /// and above mute; 0x3B and below are reserved and never written.
        /// </summary>
        public static readonly GainScale Dac = GainScale.Linear(0x3C, 0xF0, 0, -50, DacMuteCode);

        public const int DacMuteCode = 0xFC;

        /// <summary>
        /// Line-in/mic to ADC analogue gain (CHIP_ANA_ADC_CTRL, 4 bits per side): 0 … +22.5 dB in
        /// 1.5 dB steps (ADC_VOL_M6DB, which would shift both sides down 6 dB, stays clear).
        /// Code 16 stands for MUTE_ADC in CHIP_ANA_CTRL.
        /// </summary>
        public static readonly GainScale AdcInput = GainScale.Linear(0, 15, 0, 150, AdcMuteCode);

        public const int AdcMuteCode = 16;

        /// <summary>The SGTL5000 has no digital ADC volume: a fixed 0 dB.</summary>
        public static readonly GainScale AdcDigital = GainScale.Table(new int[] { 0 }, -1);

        /// <summary>Microphone preamplifier (CHIP_MIC_CTRL GAIN): 0, +20, +30, +40 dB (Linux mic_gain_tlv).</summary>
        public static readonly GainScale MicPreamp = GainScale.Table(new int[] { 0, 2000, 3000, 4000 }, -1);

        /// <summary>
        /// The DAP mixer's two inputs as gains (DAP_MAIN_CHAN for I2S playback, DAP_MIX_CHAN for the
        /// ADC: the monitor): the registers hold a linear gain, 0x8000 = 100 % (0 dB), up to 0xFFFF
        /// (200 %); Linux sgtl5000.h, the datasheet's DAP_MAIN_CHAN/DAP_MIX_CHAN. The firmware asks
        /// in dB, so the scale is a 0.5 dB grid: code 1 = −40 dB … code 81 = 0 dB (nothing louder
        /// than unity is needed: the blend only takes away), code 0 = 0x0000 (off).
        /// <see cref="MixerValue"/> turns a code into the register value.
        /// </summary>
        public static readonly GainScale DapMixer = GainScale.Linear(1, DapMixerUnityCode, -4000, 50, DapMixerOffCode);

        public const int DapMixerOffCode = 0;

        public const int DapMixerUnityCode = 81;

        private static readonly int[] MixerValues = NewMixerValues();

        /// <summary>The DAP_MAIN_CHAN / DAP_MIX_CHAN value of a <see cref="DapMixer"/> code.</summary>
        public static int MixerValue(int code)
        {
            return code <= DapMixerOffCode ? 0 : MixerValues[code > DapMixerUnityCode ? DapMixerUnityCode : code];
        }

        // 0x8000 at unity, each code below 0.5 dB less (10^(−0.5/20)), rounded once per value.
        private static int[] NewMixerValues()
        {
            var values = new int[DapMixerUnityCode + 1];
            double value = 0x8000;
            for (int code = DapMixerUnityCode; code >= 1; code--)
            {
                values[code] = (int)(value + 0.5);
                value *= 0.94406087628592339;
            }

            return values;
        }

        /// <summary>
        /// Line out (CHIP_LINE_OUT_VOL, 5 bits per side): 0.5 dB of attenuation per code ("higher
        /// codes have more attenuation"), 0 dB at the datasheet's nominal code 40·log(VAG/LO_VAG) + 15,
        /// which is 14 for VAG 1.575 V and LO_VAGCNTRL 1.65 V (14.2; Teensy measured 2.98 V p-p at 14
        /// and 3.16 V p-p at 13: the 1.575 V full scale): code 0 = +7 dB … 0x1F = −8.5 dB. Codes below
        /// 13 clip a full-scale signal (Teensy). No mute code: MUTE_LO mutes.
        /// </summary>
        public static readonly GainScale LineOut = GainScale.Linear(0, 0x1F, 700, -50, -1);

        /// <summary>The line-out code at 0 dB (see <see cref="LineOut"/>).</summary>
        public const int LineOutNominalCode = 14;

        /// <summary>
        /// DAP graphic EQ and tone bands (DAP_AUDIO_EQ_BASS_BAND0 … TREBLE_BAND4): 0x2F = 0 dB,
        /// 0.25 dB steps, 0x00 = −11.75 dB … 0x5F = +12 dB (Linux bass_band TLV).
        /// </summary>
        public static readonly GainScale EqBand = GainScale.Linear(0, 0x5F, -1175, 25, -1);
    }
}
