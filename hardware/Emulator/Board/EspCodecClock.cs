using System;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// The ESP32 as the codec's clock master (<see cref="ICodecClock"/>): MCLK, BCLK and LRCLK from
    /// its I2S peripheral, an optional clock-select line that routes the codec's clock inputs to
    /// the ESP32 (high) or to the USB bridge (low), and what the ESP32 sends on its I2S data line
    /// meanwhile (<see cref="PlaybackLeft"/>/<see cref="PlaybackRight"/>: silence unless a test or
    /// the runner gives it something, e.g. the dev boards' own playback).
    /// </summary>
    /// <remarks>
    /// Modelling choice: the classic ESP32 outputs MCLK only on GPIO0/1/3 through its CLK_OUT
    /// function, as a multiple of fs from the APLL; the model supports exactly MCLK = 256·fs at the
    /// USB model's rates (8 k … 48 kHz, both families) and refuses anything else, changing nothing.
    /// The board creates the clock-select output low (bridge selected).
    /// </remarks>
    public sealed class EspCodecClock : ICodecClock
    {
        /// <summary>The only MCLK/fs ratio the model generates.</summary>
        public const int SupportedMclkPerFs = 256;

        private readonly VirtualDigitalOutput _clockSelect;
        private int _sampleRate;
        private int _mclkPerFs;
        private int _stateChanges;

        /// <param name="clockSelect">The clock-select line, or null on boards without one.</param>
        public EspCodecClock(VirtualDigitalOutput clockSelect)
        {
            _clockSelect = clockSelect;
            PlaybackLeft = SilenceSource.Instance;
            PlaybackRight = SilenceSource.Instance;
        }

        /// <summary>The left channel the ESP32 plays to the codec's DAC while it is the clock master.</summary>
        public SignalSource PlaybackLeft { get; set; }

        /// <summary>The right channel the ESP32 plays to the codec's DAC while it is the clock master.</summary>
        public SignalSource PlaybackRight { get; set; }

        public int SampleRate
        {
            get { return _sampleRate; }
        }

        public int MclkPerFs
        {
            get { return _mclkPerFs; }
        }

        public bool Running
        {
            get { return _sampleRate != 0; }
        }

        /// <summary>MCLK towards the codec in Hz; 0 when stopped.</summary>
        public double MclkHz
        {
            get { return _sampleRate * (double)_mclkPerFs; }
        }

        /// <summary>LRCLK (= fs) towards the codec in Hz; 0 when stopped.</summary>
        public double LrclkHz
        {
            get { return _sampleRate; }
        }

        /// <summary>Incremented on every start, rate change and stop; the board polls it to re-check clocks.</summary>
        public int StateChanges
        {
            get { return _stateChanges; }
        }

        public bool Start(int sampleRate, int mclkPerFs)
        {
            if (mclkPerFs != SupportedMclkPerFs || !UsbHostModel.IsSupportedRate(sampleRate))
            {
                return false;
            }

            if (sampleRate != _sampleRate || mclkPerFs != _mclkPerFs)
            {
                _sampleRate = sampleRate;
                _mclkPerFs = mclkPerFs;
                _stateChanges++;
            }

            if (_clockSelect != null)
            {
                _clockSelect.Write(true);
            }

            return true;
        }

        public void Stop()
        {
            if (_sampleRate != 0)
            {
                _sampleRate = 0;
                _mclkPerFs = 0;
                _stateChanges++;
            }

            if (_clockSelect != null)
            {
                _clockSelect.Write(false);
            }
        }
    }
}
