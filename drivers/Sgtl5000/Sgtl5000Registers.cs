namespace InterfaceFirmware.Drivers.Sgtl5000
{
    /// <summary>
    /// The SGTL5000's register map (Linux sound/soc/codecs/sgtl5000.h; NXP SGTL5000 datasheet, as
    /// quoted in the Teensy Audio library's control_sgtl5000.cpp): 16-bit addresses (even only),
    /// 16-bit values, readable. The driver's cache is indexed by address, so the constants are
    /// the addresses themselves.
    /// </summary>
    public static class Sgtl5000Registers
    {
        /// <summary>Size of the driver's cache: addresses 0x0000–0x013A.</summary>
        public const int Count = 0x013C;

        public const int ChipId = 0x0000;
        public const int DigitalPower = 0x0002;
        public const int ClockControl = 0x0004;
        public const int I2sControl = 0x0006;
        public const int SourceSelect = 0x000A;
        public const int AdcDacControl = 0x000E;
        public const int DacVolume = 0x0010;
        public const int PadStrength = 0x0014;
        public const int AnalogAdcControl = 0x0020;
        public const int HeadphoneControl = 0x0022;
        public const int AnalogControl = 0x0024;
        public const int LinearRegulatorControl = 0x0026;
        public const int ReferenceControl = 0x0028;
        public const int MicControl = 0x002A;
        public const int LineOutControl = 0x002C;
        public const int LineOutVolume = 0x002E;
        public const int AnalogPower = 0x0030;
        public const int PllControl = 0x0032;
        public const int ClockTopControl = 0x0034;
        public const int AnalogStatus = 0x0036;
        public const int ShortControl = 0x003C;
        public const int DapControl = 0x0100;
        public const int DapPeq = 0x0102;
        public const int DapBassEnhance = 0x0104;
        public const int DapBassEnhanceControl = 0x0106;
        public const int DapAudioEq = 0x0108;
        public const int DapSurround = 0x010A;
        public const int DapFilterCoefficientAccess = 0x010C;
        public const int DapCoefficientB0Msb = 0x010E;
        public const int DapCoefficientB0Lsb = 0x0110;
        public const int DapEqBand0 = 0x0116;
        public const int DapMainChannel = 0x0120;
        public const int DapMixChannel = 0x0122;
        public const int DapAvcControl = 0x0124;
        public const int DapAvcThreshold = 0x0126;
        public const int DapAvcAttack = 0x0128;
        public const int DapAvcDecay = 0x012A;
        public const int DapCoefficientB1Msb = 0x012C;
        public const int DapCoefficientB1Lsb = 0x012E;
        public const int DapCoefficientB2Msb = 0x0130;
        public const int DapCoefficientB2Lsb = 0x0132;
        public const int DapCoefficientA1Msb = 0x0134;
        public const int DapCoefficientA1Lsb = 0x0136;
        public const int DapCoefficientA2Msb = 0x0138;
        public const int DapCoefficientA2Lsb = 0x013A;

        // CHIP_DIG_POWER
        public const int DigitalAdc = 0x0040;
        public const int DigitalDac = 0x0020;
        public const int DigitalDap = 0x0010;
        public const int DigitalI2sOut = 0x0002;
        public const int DigitalI2sIn = 0x0001;
        public const int DigitalAll = DigitalAdc | DigitalDac | DigitalDap | DigitalI2sOut | DigitalI2sIn;

        // CHIP_CLK_CTRL
        public const int RateModeMask = 0x0030;
        public const int SysFsMask = 0x000C;
        public const int SysFsShift = 2;
        public const int MclkFreqMask = 0x0003;
        public const int SysFs32k = 0;
        public const int SysFs44k1 = 1;
        public const int SysFs48k = 2;
        public const int SysFs96k = 3;
        public const int Mclk256Fs = 0;
        public const int Mclk384Fs = 1;
        public const int Mclk512Fs = 2;
        public const int MclkPll = 3;

        // CHIP_I2S_CTRL
        public const int SclkFreq32Fs = 0x0100;
        public const int I2sMaster = 0x0080;
        public const int SclkInvert = 0x0040;
        public const int DataLengthMask = 0x0030;
        public const int DataLength32 = 0x0000;
        public const int DataLength24 = 0x0010;
        public const int DataLength20 = 0x0020;
        public const int DataLength16 = 0x0030;
        public const int I2sModeMask = 0x000C;
        public const int I2sModeI2sOrLeft = 0x0000;
        public const int I2sModeRight = 0x0004;
        public const int I2sModePcm = 0x0008;
        public const int LrAlign = 0x0002;
        public const int LrPolarity = 0x0001;
        public const int I2sFormatMask = SclkFreq32Fs | I2sMaster | SclkInvert | DataLengthMask | I2sModeMask | LrAlign | LrPolarity;

        // CHIP_SSS_CTRL
        public const int DapMixLrSwap = 0x4000;
        public const int DapLrSwap = 0x2000;
        public const int DacLrSwap = 0x1000;
        public const int I2sOutLrSwap = 0x0400;
        public const int DapMixSelectMask = 0x0300;
        public const int DapSelectMask = 0x00C0;
        public const int DacSelectMask = 0x0030;
        public const int I2sOutSelectMask = 0x0003;
        public const int SelectAdc = 0;
        public const int SelectI2sIn = 1;
        public const int SelectDap = 3;

        /// <summary>The reset routing (and the driver's without the DAP): I2S in → DAC, ADC → I2S out.</summary>
        public const int RoutingDirect = SelectI2sIn << 4;

        /// <summary>Through the DAP: I2S in → DAP → DAC, ADC → I2S out (Teensy audioPostProcessorEnable).</summary>
        public const int RoutingThroughDap = (SelectI2sIn << 6) | (SelectDap << 4);

        // CHIP_ADCDAC_CTRL
        public const int VolumeBusyRight = 0x2000;
        public const int VolumeBusyLeft = 0x1000;
        public const int VolumeRamp = 0x0200;
        public const int VolumeExponentialRamp = 0x0100;
        public const int DacMuteRight = 0x0008;
        public const int DacMuteLeft = 0x0004;
        public const int DacMute = DacMuteLeft | DacMuteRight;
        public const int AdcHighPassFreeze = 0x0002;
        public const int AdcHighPassBypass = 0x0001;

        // CHIP_ANA_ADC_CTRL
        public const int AdcMinus6Db = 0x0100;
        public const int AdcVolumeRightShift = 4;
        public const int AdcVolumeMask = 0x00FF;

        // CHIP_ANA_HP_CTRL
        public const int HeadphoneRightShift = 8;
        public const int HeadphoneFieldMask = 0x7F;

        // CHIP_ANA_CTRL
        public const int MuteLineOut = 0x0100;
        public const int SelectHeadphoneLineIn = 0x0040;
        public const int HeadphoneZeroCross = 0x0020;
        public const int MuteHeadphone = 0x0010;
        public const int SelectAdcLineIn = 0x0004;
        public const int AdcZeroCross = 0x0002;
        public const int MuteAdc = 0x0001;

        // CHIP_LINREG_CTRL (Teensy: VDDA and VDDIO both above 3.1 V: the charge pump from VDDIO)
        public const int LinearRegulator3V3 = 0x006C;

        // CHIP_REF_CTRL
        public const int VagValueMask = 0x01F0;
        public const int VagValueShift = 4;
        public const int BiasControlMask = 0x000E;
        public const int SmallPop = 0x0001;

        /// <summary>VAG 1.575 V (the highest, nearest VDDA/2 at 3.3 V, as Linux computes it), bias +12.5 %, SMALL_POP (Teensy 0x01F2 plus SMALL_POP).</summary>
        public const int ReferenceSetting = 0x01F0 | 0x0002 | SmallPop;

        // CHIP_MIC_CTRL
        public const int MicBiasResistorMask = 0x0300;
        public const int MicBiasVoltageMask = 0x0070;
        public const int MicGainMask = 0x0003;

        /// <summary>Mic bias on through 2 kΩ at 3.0 V (Teensy micGain's 0x0170; at most VDDA − 0.2 V).</summary>
        public const int MicBiasSetting = 0x0170;

        // CHIP_LINE_OUT_CTRL: LO_VAGCNTRL 1.65 V (VDDIO/2), output current 0.54 mA (Teensy 0x0F22)
        public const int LineOutSetting = 0x0F22;
        public const int LineOutVagMask = 0x003F;

        // CHIP_LINE_OUT_VOL
        public const int LineOutRightShift = 8;
        public const int LineOutFieldMask = 0x1F;

        // CHIP_ANA_POWER
        public const int DacStereo = 0x4000;
        public const int SimpleRegulator = 0x2000;
        public const int StartupPower = 0x1000;
        public const int ChargePump = 0x0800;
        public const int PllPower = 0x0400;
        public const int LinearRegulatorD = 0x0200;
        public const int VcoAmplifier = 0x0100;
        public const int VagPower = 0x0080;
        public const int AdcStereo = 0x0040;
        public const int ReferenceTop = 0x0020;
        public const int HeadphonePower = 0x0010;
        public const int DacPower = 0x0008;
        public const int CaplessHeadphone = 0x0004;
        public const int AdcPower = 0x0002;
        public const int LineOutPower = 0x0001;

        /// <summary>Off with external VDDD (Teensy 0x4060): DAC and ADC stereo, the reference on, the start-up regulators off.</summary>
        public const int AnalogPowerOff = DacStereo | AdcStereo | ReferenceTop;

        // DAP_CONTROL
        public const int DapMixEnable = 0x0010;
        public const int DapEnable = 0x0001;

        // DAP_AUDIO_EQ
        public const int AudioEqMask = 0x0003;
        public const int AudioEqOff = 0;
        public const int AudioEqParametric = 1;
        public const int AudioEqTone = 2;
        public const int AudioEqGraphic = 3;

        // DAP_FILTER_COEF_ACCESS
        public const int CoefficientWrite = 0x0100;
        public const int CoefficientIndexMask = 0x00FF;

        // DAP_AVC_CTRL
        public const int AvcMaxGainMask = 0x3000;
        public const int AvcIntegratorMask = 0x0300;
        public const int AvcHardLimit = 0x0020;
        public const int AvcEnable = 0x0001;

        /// <summary>DAP_MAIN_CHAN / DAP_MIX_CHAN: 0x8000 = 100 % (0 dB).</summary>
        public const int DapUnity = 0x8000;

        /// <summary>
        /// The power-on value of every register (Linux sgtl5000_reg_defaults, with the 2021 fix
        /// DAP_AVC_CTRL = 0x5100; CHIP_CLK_CTRL 0x0008 from the older Linux table; unlisted
        /// registers 0). CHIP_ID reads 0xA0xx: it is never written.
        /// </summary>
        public static int[] ResetValues()
        {
            var values = new int[Count];
            values[ClockControl] = 0x0008;
            values[I2sControl] = 0x0010;
            values[SourceSelect] = 0x0010;
            values[AdcDacControl] = 0x020C;
            values[DacVolume] = 0x3C3C;
            values[PadStrength] = 0x015F;
            values[HeadphoneControl] = 0x1818;
            values[AnalogControl] = 0x0111;
            values[LineOutVolume] = 0x0404;
            values[AnalogPower] = 0x7060;
            values[PllControl] = 0x5000;
            values[DapBassEnhance] = 0x0040;
            values[DapBassEnhanceControl] = 0x051F;
            values[DapSurround] = 0x0040;
            for (int band = 0; band < 5; band++)
            {
                values[DapEqBand0 + 2 * band] = 0x002F;
            }

            values[DapMainChannel] = 0x8000;
            values[DapAvcControl] = 0x5100;
            values[DapAvcThreshold] = 0x1473;
            values[DapAvcAttack] = 0x0028;
            values[DapAvcDecay] = 0x0050;
            return values;
        }

        /// <summary>
        /// The registers the driver relies on: with no reset pin and no soft reset, the driver reads
        /// each of them at start and writes those that differ (all of them when the chip cannot be
        /// read); a warm boot leaves the last values.
        /// </summary>
        /// <summary>
        /// Registers the driver has no default for but learns at start by reading them: the biquad
        /// coefficient staging registers (DAP_COEF_WR_*, which hold the last coefficients written
        /// until the strobe copies them into a filter) and the limiter's threshold, attack and decay
        /// (set by the firmware when it enables the AVC). A warm chip's values are then known, and
        /// the same plan or cap set again writes nothing it already holds.
        /// </summary>
        public static readonly int[] LearntAtStart =
        {
            DapCoefficientB0Msb, DapCoefficientB0Lsb, DapCoefficientB1Msb, DapCoefficientB1Lsb, DapCoefficientB2Msb,
            DapCoefficientB2Lsb, DapCoefficientA1Msb, DapCoefficientA1Lsb, DapCoefficientA2Msb, DapCoefficientA2Lsb,
            DapAvcThreshold, DapAvcAttack, DapAvcDecay,
        };

        public static readonly int[] Relied =
        {
            DigitalPower, ClockControl, I2sControl, SourceSelect, AdcDacControl, DacVolume, AnalogAdcControl, HeadphoneControl,
            AnalogControl, LinearRegulatorControl, ReferenceControl, MicControl, LineOutControl, LineOutVolume, AnalogPower,
            ClockTopControl, ShortControl, DapControl, DapPeq, DapBassEnhance, DapAudioEq, DapSurround, DapMainChannel, DapMixChannel,
            DapAvcControl,
        };
    }
}
