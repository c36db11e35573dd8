using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.Hal;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.UnitTests.Emulator
{
    /// <summary>
    /// An ES8388 model on a virtual bus with MCLK 12.288 MHz and a 48 kHz LRCK from an external
    /// master (the ESP32), signal sources on its inputs and playback, rendered block by block.
    /// </summary>
    internal sealed class Es8388Rig
    {
        public const int Lin1 = 0;
        public const int Lin2 = 1;
        public const int Rin1 = 2;
        public const int Rin2 = 3;

        public readonly VirtualClock Clock = new VirtualClock();
        public readonly VirtualI2cBus Bus;
        public readonly Es8388Model Codec = new Es8388Model();
        public readonly SignalSource[] Inputs = new SignalSource[4];
        public SignalSource PlaybackLeft = SilenceSource.Instance;
        public SignalSource PlaybackRight = SilenceSource.Instance;

        private readonly double[][] _inputs = new double[4][];
        private readonly double[][] _playback = { new double[AudioEngine.BlockFrames], new double[AudioEngine.BlockFrames] };
        private readonly byte[] _frame = new byte[2];
        private readonly byte[] _pointer = new byte[1];
        private readonly byte[] _read = new byte[1];
        private long _sample;
        private int _lastCount = 1;

        public Es8388Rig()
        {
            Bus = new VirtualI2cBus(Clock, 11);
            Bus.Attach(Codec);
            for (int i = 0; i < 4; i++)
            {
                _inputs[i] = new double[AudioEngine.BlockFrames];
                Inputs[i] = SilenceSource.Instance;
            }

            Codec.Clocks.Set(12288000, 48000);
            Codec.OnClocksChanged(0);
        }

        public I2cStatus Write(int register, int value)
        {
            _frame[0] = (byte)register;
            _frame[1] = (byte)value;
            return Bus.Write(Codec.Address, _frame, 0, 2);
        }

        public int Read(int register)
        {
            _pointer[0] = (byte)register;
            I2cStatus status = Bus.WriteRead(Codec.Address, _pointer, 0, 1, _read, 0, 1);
            return status == I2cStatus.Ok ? _read[0] : -1;
        }

        /// <summary>
        /// Slave mode, analogue on, VMID charged through 5 kΩ then held at 50 kΩ, converters at 256·fs,
        /// DAC at 0 dB un-muted without soft ramp, DAC-only mixers at 0 dB, OUT1 at 0 dB and enabled.
        /// </summary>
        public void PowerUpPlayback()
        {
            Write(Es8388Model.RegMasterMode, 0x00);
            Write(Es8388Model.RegControl2, 0x50);
            Write(Es8388Model.RegControl1, 0x07);
            RenderMs(150);
            Write(Es8388Model.RegControl1, 0x05);
            Write(Es8388Model.RegChipPower, 0x00);
            Write(Es8388Model.RegDacControl2, 0x02);
            Write(Es8388Model.RegAdcControl5, 0x02);
            Write(Es8388Model.RegDacControl3, 0x00);
            Write(Es8388Model.RegDacControl4, 0x00);
            Write(Es8388Model.RegDacControl5, 0x00);
            Write(Es8388Model.RegAdcControl8, 0x00);
            Write(Es8388Model.RegAdcControl9, 0x00);
            Write(Es8388Model.RegDacControl17, 0x90);
            Write(Es8388Model.RegDacControl20, 0x90);
            Write(Es8388Model.RegLout1Volume, 0x1E);
            Write(Es8388Model.RegRout1Volume, 0x1E);
            Write(Es8388Model.RegDacPower, 0x30);
            RenderMs(10);
        }

        public void RenderMs(int ms)
        {
            RenderSamples(ms * AudioEngine.SampleRate / 1000);
        }

        public void RenderSamples(int samples)
        {
            int done = 0;
            while (done < samples)
            {
                int count = Math.Min(AudioEngine.BlockFrames, samples - done);
                Block(count);
                done += count;
            }
        }

        /// <summary>The last rendered sample of an OUT1 pin, minus VMID.</summary>
        public double OutputSample(bool left)
        {
            return Codec.Out1Pin(left).Voltage[_lastCount - 1] - Codec.Vmid;
        }

        /// <summary>Sine level (dB re a full-scale peak) of an OUT1 pin's AC part over whole 1 kHz periods.</summary>
        public double OutputLevelDb(bool left, int periods)
        {
            return LevelDb(left, periods, false);
        }

        /// <summary>Sine level (dBFS) of the capture over whole 1 kHz periods.</summary>
        public double CaptureLevelDb(bool left, int periods)
        {
            return LevelDb(left, periods, true);
        }

        private double LevelDb(bool left, int periods, bool capture)
        {
            double sum = 0;
            int total = periods * 48;
            int done = 0;
            while (done < total)
            {
                int count = Math.Min(48 * 5, total - done);
                Block(count);
                double[] v = capture ? Codec.Capture(left) : Codec.Out1Pin(left).Voltage;
                double offset = capture ? 0 : Codec.Vmid;
                for (int i = 0; i < count; i++)
                {
                    double ac = v[i] - offset;
                    sum += ac * ac;
                }

                done += count;
            }

            return Decibels.ToDb(Math.Sqrt(sum / total) * Math.Sqrt(2.0));
        }

        private void Block(int count)
        {
            long startUs = AudioEngine.TimeOfSampleUs(_sample);
            long endUs = AudioEngine.TimeOfSampleUs(_sample + count);
            for (int i = 0; i < 4; i++)
            {
                Inputs[i].Fill(_inputs[i], 0, count, _sample);
            }

            PlaybackLeft.Fill(_playback[0], 0, count, _sample);
            PlaybackRight.Fill(_playback[1], 0, count, _sample);
            Codec.Process(_inputs, _playback, count, startUs);
            _sample += count;
            _lastCount = count;
            Clock.AdvanceUs(endUs - Clock.NowUs);
        }
    }
}
