using System;
using System.Device.Gpio;
using System.Device.I2s;
using InterfaceFirmware.Hal;
using nanoFramework.Hardware.Esp32;

namespace InterfaceFirmware.Hal.Esp32
{
    /// <summary>
    /// The ESP32 as the codec's clock master: its I2S controller 1 in master mode drives MCLK
    /// (GPIO 0), BCLK and LRCLK, reads the codec's ADC data for the <see cref="Esp32AdcTap"/>, and
    /// the clock-select line hands the codecs' clock inputs to it (reference board).
    /// </summary>
    /// <remarks>
    /// Facts this rests on (nanoframework/nf-interpreter
    /// targets/ESP32/_nanoCLR/System.Device.I2s/sys_dev_i2s_native_System_Device_I2s_I2sDevice.cpp):
    /// <list type="bullet">
    /// <item>The I2S driver is installed, and the clocks start, when the <see cref="I2sDevice"/> is
    /// created; disposing it uninstalls the driver. Pins come from <see cref="Configuration.SetPinFunction"/>
    /// (I2S1_MCK, I2S1_BCK, I2S1_WS, I2S1_MDATA_IN).</item>
    /// <item>Only a mode of exactly Master | Rx routes the data-in pin; every other mode routes data-out
    /// instead. So the ESP32 never drives the DAC data line: it is held low as a GPIO (digital
    /// silence), and the tap can only listen while the ESP32 is the master (not in USB mode).</item>
    /// <item>MCLK is the driver's default multiple, 256·fs (<c>I2S_MCLK_MULTIPLE_DEFAULT</c>), from
    /// the 160 MHz PLL through a fractional divider (<c>use_apll = false</c>): good enough for the
    /// codecs' converters, not the bridge's quality.</item>
    /// <item>Up to the fix of nanoframework/Home#1813 (nf-interpreter PR #3456, July 2026) the driver
    /// overwrote the MCLK pin with <c>I2S_PIN_NO_CHANGE</c>: MCLK reached no pin and codecs clocked
    /// from it stayed silent. The device needs a nanoCLR image built after that fix.</item>
    /// </list>
    /// Order: the clocks run before the clock-select line hands them to the codecs, and the line
    /// goes back to the bridge before they stop, so the codecs never see a floating clock input.
    /// The firmware changes clocks only with the codecs in Off or Standby.
    /// </remarks>
    public sealed class Esp32CodecClock : ICodecClock, IDisposable
    {
        /// <summary>The MCLK/fs ratio the nanoFramework I2S driver generates.</summary>
        public const int SupportedMclkPerFs = 256;

        private const int BusId = 1;

        private static readonly int[] SupportedRates = new int[] { 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000 };

        private readonly Esp32AdcTap _tap;
        private readonly GpioPin _dataOutLow;
        private readonly GpioPin _clockSelect;
        private I2sDevice _device;
        private int _sampleRate;

        /// <param name="controller">The board's GPIO controller.</param>
        /// <param name="pins">The board's I2S pins.</param>
        /// <param name="tap">The ADC tap fed while the clocks run, or null.</param>
        public Esp32CodecClock(GpioController controller, I2sPins pins, Esp32AdcTap tap)
        {
            _tap = tap;
            _dataOutLow = controller.OpenPin(pins.DataOut, PinMode.Output);
            _dataOutLow.Write(PinValue.Low);
            if (pins.ClockSelect >= 0)
            {
                _clockSelect = controller.OpenPin(pins.ClockSelect, PinMode.Output);
                _clockSelect.Write(PinValue.Low);
            }

            Configuration.SetPinFunction(pins.MasterClock, DeviceFunction.I2S1_MCK);
            Configuration.SetPinFunction(pins.BitClock, DeviceFunction.I2S1_BCK);
            Configuration.SetPinFunction(pins.FrameClock, DeviceFunction.I2S1_WS);
            Configuration.SetPinFunction(pins.DataIn, DeviceFunction.I2S1_MDATA_IN);
        }

        public int SampleRate
        {
            get { return _sampleRate; }
        }

        public int MclkPerFs
        {
            get { return _sampleRate == 0 ? 0 : SupportedMclkPerFs; }
        }

        public bool Start(int sampleRate, int mclkPerFs)
        {
            if (mclkPerFs != SupportedMclkPerFs || !IsSupportedRate(sampleRate))
            {
                return false;
            }

            if (_device != null && sampleRate == _sampleRate)
            {
                return true;
            }

            Stop();
            var settings = new I2sConnectionSettings(BusId);
            settings.Mode = I2sMode.Master | I2sMode.Rx;
            settings.SampleRate = sampleRate;

            // 32-bit slots (BCLK = 64·fs): what the driver reads in master receive mode whatever is
            // asked, and the one width whose Read fills the whole buffer (Esp32AdcTap).
            settings.BitsPerSample = I2sBitsPerSample.Bit32;
            settings.ChannelFormat = I2sChannelFormat.RightLeft;
            settings.CommunicationFormat = I2sCommunicationFormat.StandardI2s;
            try
            {
                _device = new I2sDevice(settings);
            }
            catch (Exception)
            {
                // The native driver refuses the configuration (or the pins) by throwing.
                _device = null;
                return false;
            }

            _sampleRate = sampleRate;
            SelectEsp32Clocks(true);
            if (_tap != null)
            {
                _tap.Attach(_device, sampleRate);
            }

            return true;
        }

        public void Stop()
        {
            if (_device == null)
            {
                return;
            }

            SelectEsp32Clocks(false);
            if (_tap != null)
            {
                _tap.Detach();
            }

            _device.Dispose();
            _device = null;
            _sampleRate = 0;
        }

        public void Dispose()
        {
            Stop();
            _dataOutLow.Dispose();
            if (_clockSelect != null)
            {
                _clockSelect.Dispose();
            }
        }

        private void SelectEsp32Clocks(bool esp32)
        {
            if (_clockSelect != null)
            {
                _clockSelect.Write(esp32 ? PinValue.High : PinValue.Low);
            }
        }

        private static bool IsSupportedRate(int sampleRate)
        {
            for (int i = 0; i < SupportedRates.Length; i++)
            {
                if (SupportedRates[i] == sampleRate)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
