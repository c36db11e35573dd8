namespace InterfaceFirmware.Drivers.Es8388
{
    /// <summary>
    /// ES8388 register addresses (Linux <c>es8328.h</c> names), the bits the driver uses and the
    /// power-up values (apache/nuttx drivers/audio/es8388.h, "Register Power-up Default Values"), for 0x00–0x39 as the emulator's model has them: 0x35,
    /// 0x37 and 0x39 exist (Espressif writes them) with an unknown default taken as 0x00; 0x36 and
    /// 0x38 do not exist. The driver never writes those five.
    /// </summary>
    public static class Es8388Registers
    {
        public const int Count = 0x3A;

        public const int Control1 = 0x00;
        public const int Control2 = 0x01;
        public const int ChipPower = 0x02;
        public const int AdcPower = 0x03;
        public const int DacPower = 0x04;
        public const int MasterMode = 0x08;
        public const int AdcControl1 = 0x09;
        public const int AdcControl2 = 0x0A;
        public const int AdcControl3 = 0x0B;
        public const int AdcControl4 = 0x0C;
        public const int AdcControl5 = 0x0D;
        public const int AdcControl7 = 0x0F;
        public const int LeftAdcVolume = 0x10;  // ADCCONTROL8
        public const int RightAdcVolume = 0x11; // ADCCONTROL9
        public const int DacControl1 = 0x17;
        public const int DacControl2 = 0x18;
        public const int DacControl3 = 0x19;
        public const int LeftDacVolume = 0x1A;  // DACCONTROL4
        public const int RightDacVolume = 0x1B; // DACCONTROL5
        public const int DacControl16 = 0x26;
        public const int DacControl17 = 0x27;   // left mixer: left DAC, left bypass
        public const int DacControl18 = 0x28;   // left mixer: right DAC, right bypass (cross-feed)
        public const int DacControl19 = 0x29;   // right mixer: left DAC, left bypass (cross-feed)
        public const int DacControl20 = 0x2A;   // right mixer: right DAC, right bypass
        public const int DacControl21 = 0x2B;
        public const int DacControl23 = 0x2D;
        public const int LeftOut1Volume = 0x2E;  // DACCONTROL24, LOUT1VOL
        public const int RightOut1Volume = 0x2F; // DACCONTROL25, ROUT1VOL

        /// <summary>The last documented register (DACCONTROL30); 0x35–0x39 are undocumented and never written.</summary>
        public const int DacControl30 = 0x34;

        // CONTROL1: SCPRESET, ENREF, VMIDSEL (00 off, 01 50 kΩ, 10 500 kΩ, 11 5 kΩ)
        public const int ScpReset = 0x80;
        public const int EnableReference = 0x04;
        public const int VmidMask = 0x03;
        public const int Vmid50k = 0x01;
        public const int Vmid500k = 0x02;
        public const int Vmid5k = 0x03;

        // CONTROL2: PDNANA | PDNIBIASGEN set = the analogue section is off (the reset state)
        public const int AnalogueOff = 0x0C;

        // CHIPPOWER: ADC/DAC digital, state machines, DLLs, VREFs (1 = powered down or held in reset)
        public const int ChipPowerAll = 0xFF;
        public const int ChipPowerOff = 0xC3; // the reset value: digital and VREFs down
        public const int ChipPowerAdcDigital = 0xA0; // ADC_DIGPDN | ADC_STM_RST: the capture block's digital side
        public const int ChipPowerDacDigital = 0x50; // DAC_DIGPDN | DAC_STM_RST: the playback block's digital side

        // ADCPOWER: PDNAINL/R, PDNADCL/R, PDNMICB, PDNADCBIASGEN, FLASHLP, INT1LP
        public const int AdcPowerAll = 0xFF;
        public const int AdcPowerOff = 0xFC; // the reset value: PGAs, ADCs, mic bias and ADC bias down
        public const int AdcsPowerDown = 0x30; // PDNADCL | PDNADCR: the capture block's converters

        // DACPOWER: PDNDACL/R (1 = down), LOUT1/ROUT1, LOUT2/ROUT2 (1 = on)
        public const int DacsPowerDown = 0xC0;
        public const int Out1Enable = 0x30;

        // MASTERMODE: MSC (1 = I2S master, the reset value), MCLKDIV2
        public const int MasterModeMaster = 0x80;
        public const int MclkDivideBy2 = 0x40;

        // ADCCONTROL1: MicAmpL[7:4], MicAmpR[3:0]
        public const int LeftMicPgaShift = 4;

        // ADCCONTROL2: LINSEL[7:6], RINSEL[5:4] (00 IN1, 01 IN2, 11 differential), DSSEL, DSR
        public const int InputSelectMask = 0xF0;
        public const int LeftInputSelectShift = 6;
        public const int RightInputSelectShift = 4;
        public const int InputSelectIn1 = 0x0;
        public const int InputSelectIn2 = 0x1;
        public const int InputSelectDifferential = 0x3;

        // ADCCONTROL4: ADCWL[4:2], ADCFORMAT[1:0]; DACCONTROL1: DACWL[5:3], DACFORMAT[2:1]
        public const int AdcFormatMask = 0x1F;
        public const int AdcWordLengthShift = 2;
        public const int DacFormatMask = 0x3E;
        public const int DacWordLengthShift = 3;
        public const int DacFormatShift = 1;

        // Word length codes (both fields)
        public const int WordLength24 = 0;
        public const int WordLength20 = 1;
        public const int WordLength18 = 2;
        public const int WordLength16 = 3;
        public const int WordLength32 = 4;

        // Format codes (both fields)
        public const int FormatI2s = 0;
        public const int FormatLeftJustified = 1;
        public const int FormatRightJustified = 2;
        public const int FormatDsp = 3;

        // ADCCONTROL5 / DACCONTROL2: FsMode[5] (double speed), FsRatio[4:0]
        public const int FsRatioMask = 0x3F;

        // ADCCONTROL7 / DACCONTROL3: ramp rate[7:6], soft ramp[5], LeR[3] (left register sets both), mute[2]
        public const int RampRateMask = 0xC0;
        public const int DacRampEvery32Lrck = 0x40;
        public const int SoftRamp = 0x20;
        public const int LeftSetsBoth = 0x08;
        public const int Mute = 0x04;

        // DACCONTROL16: LMIXSEL[5:3], RMIXSEL[2:0]: 000 IN1, 001 IN2, 011 the mic PGA's output
        public const int MixSelectMask = 0x3F;
        public const int LeftMixSelectShift = 3;
        public const int MixSelectIn1 = 0x0;
        public const int MixSelectIn2 = 0x1;
        public const int MixSelectPga = 0x3;

        // DACCONTROL17–20: the DAC into the mixer, the bypass into the mixer, the bypass gain [5:3]
        public const int DacToMixer = 0x80;
        public const int BypassToMixer = 0x40;
        public const int BypassGainMask = 0x38;

        // DACCONTROL21: ADC and DAC share one LRCK (the boards wire one)
        public const int SharedLrck = 0x80;

        // LOUT1VOL/ROUT1VOL
        public const int Out1VolumeMask = 0x3F;

        private static readonly int[] PowerOnValues =
        {
            0x06, 0x5C, 0xC3, 0xFC, 0xC0, 0x00, 0x00, 0x7C, // 0x00 CONTROL1 … ANAVOLMANAG
            0x80, 0x00, 0x00, 0x02, 0x00, 0x06, 0x30, 0x20, // 0x08 MASTERMODE, ADCCONTROL1–7
            0xC0, 0xC0, 0x38, 0xB0, 0x32, 0x06, 0x00, 0x00, // 0x10 ADCCONTROL8–14, DACCONTROL1
            0x06, 0x22, 0xC0, 0xC0, 0x08, 0x00, 0x1F, 0xF7, // 0x18 DACCONTROL2–9
            0xFD, 0xFF, 0x1F, 0xF7, 0xFD, 0xFF, 0x00, 0x38, // 0x20 DACCONTROL10–17
            0x28, 0x28, 0x38, 0x00, 0x00, 0x00, 0x00, 0x00, // 0x28 DACCONTROL18–25
            0x00, 0x00, 0x00, 0xAA, 0xAA, 0x00, 0x00, 0x00, // 0x30 DACCONTROL26–30, 0x35, (0x36), 0x37
            0x00, 0x00,                                     // 0x38 (does not exist), 0x39
        };

        /// <summary>A copy of the power-on values (0x35/0x37/0x39: unknown, 0x00 as the model has them).</summary>
        public static int[] ResetValues()
        {
            var copy = new int[Count];
            System.Array.Copy(PowerOnValues, copy, Count);
            return copy;
        }
    }
}
