using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Firmware.Boot;
using InterfaceFirmware.Firmware.Faults;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Application
{
    /// <summary>Faults: chips that stop answering, lose their registers or overheat.</summary>
    public sealed partial class InterfaceDevice
    {
        // ---- faults --------------------------------------------------------------------------------

        // A chip that stops answering: its jack closed, retries with back-off, a re-sync when it
        // answers (the jack then fades in again). A readable chip that lost its registers (brown-out)
        // is found by asking it; the amplifier's thermal flag mutes its jack until it cooled down.
        private void WatchFaults(long nowMs)
        {
            bool fault = false;
            bool probe = nowMs >= _nextProbeMs;
            if (probe)
            {
                _nextProbeMs = nowMs + ProbeIntervalMs;
            }

            for (int i = 0; i < _codecs.Length; i++)
            {
                IAudioCodec codec = _codecs[i];
                ChipWatch watch = _codecWatch[i];
                if (_recovery[i] != CodecRecovery.None)
                {
                    StepRecovery(i, nowMs);
                }
                else if (codec.Status != DriverStatus.Ok && _tookCharge)
                {
                    if (watch.Fail(nowMs))
                    {
                        _log.Write(LogLevel.Error, Source, CodecLabel(i) + " stopped answering: its jack muted, retrying");
                        AbandonJacksOf(i, nowMs);
                    }

                    // Its state is unknown (it may have kept playing through the NACKs, or reset):
                    // take charge of it as after a restart, softly, then bring it back.
                    if (watch.RetryDue(nowMs) && codec.TakeCharge(nowMs) == DriverStatus.Ok)
                    {
                        _recovery[i] = CodecRecovery.TakingCharge;
                    }
                }
                else if (probe && _stage == ClockStage.Live && !codec.Busy)
                {
                    bool wasReset;
                    if (codec.ProbeForReset(out wasReset) == DriverStatus.Ok && wasReset)
                    {
                        _log.Write(LogLevel.Warning, Source, CodecLabel(i) + " lost its registers (brown-out): muted, brought back");
                        Recover(i, nowMs);
                    }
                }

                fault |= watch.Failed || _recovery[i] != CodecRecovery.None;
            }

            WatchCaptureSilence(nowMs);
            if (_amplifier != null && _tookCharge)
            {
                fault |= WatchAmplifier(nowMs, probe);
            }

            _state.Fault = fault;
        }

        // A write-only codec cannot be asked whether it lost its registers; the capture tells: its
        // ADC delivers exact zeros once a brown-out reset powered it down. The codecs share their
        // supply, so all of them are re-synced (muted meanwhile, never louder afterwards).
        private void WatchCaptureSilence(long nowMs)
        {
            if (_silence == null)
            {
                return;
            }

            IAudioCodec codec = _codecs[_captureCodec];
            bool expectSignal = _stage == ClockStage.Live && codec.Status == DriverStatus.Ok && !codec.Busy && _recovery[_captureCodec] == CodecRecovery.None
                && codec.PowerState == CodecPowerState.On && _silence.SampleRate > 0;
            if (!expectSignal)
            {
                _silence.Reset();
                return;
            }

            if (_silence.ZeroFrames < _silence.SampleRate * SilentCaptureMs / 1000)
            {
                return;
            }

            _silence.Reset();
            _log.Write(LogLevel.Warning, Source, "the capture went digitally silent: the codecs lost their registers (brown-out): muted, re-synced");
            for (int i = 0; i < _codecs.Length; i++)
            {
                if (_codecs[i].Status == DriverStatus.Ok && _recovery[i] == CodecRecovery.None)
                {
                    Recover(i, nowMs);
                }
            }

            _brownOuts++;
        }

        /// <summary>Brown-outs noticed on the capture (write-only codecs) since start-up.</summary>
        public int BrownOutsFromCapture
        {
            get { return _brownOuts; }
        }

        // The amplifier did not answer its boot check: never taken charge of, retried as a failed chip.
        private bool _amplifierMissing;

        private bool WatchAmplifier(long nowMs, bool probe)
        {
            if (_amplifier.Status != DriverStatus.Ok || _amplifierMissing)
            {
                if (_amplifierWatch.Fail(nowMs))
                {
                    _log.Write(LogLevel.Error, Source, "headphone amplifier stopped answering: the main jack muted, retrying");
                    AbandonAmplifierJacks(nowMs);
                }

                if (_amplifierWatch.RetryDue(nowMs) && BringBackAmplifier(nowMs) == DriverStatus.Ok)
                {
                    long awayMs = _amplifierWatch.Recovered(nowMs);
                    _log.Write(LogLevel.Info, Source, "headphone amplifier answers again after " + awayMs.ToString() + " ms: re-synced");
                }

                return _amplifierWatch.Failed;
            }

            if (!probe || _amplifier.Busy)
            {
                return _thermalUntilMs > nowMs;
            }

            if (_amplifier.Enabled || _thermalUntilMs >= 0)
            {
                bool occurred;
                bool ongoing;
                if (_amplifier.CheckThermal(out occurred, out ongoing) == DriverStatus.Ok && (occurred || ongoing))
                {
                    if (_thermalUntilMs < 0)
                    {
                        _log.Write(LogLevel.Error, Source, "headphone amplifier overheated: the main jack muted, waiting for it to cool");
                        AbandonAmplifierJacks(nowMs);
                    }

                    _thermalUntilMs = nowMs + ThermalWaitMs; // still hot: wait on
                }
                else if (_thermalUntilMs >= 0 && nowMs >= _thermalUntilMs)
                {
                    _thermalUntilMs = -1;
                    _amplifier.Resync(nowMs);
                    _log.Write(LogLevel.Info, Source, "headphone amplifier cooled down: the main jack comes back");
                }
            }

            bool wasReset;
            if (_thermalUntilMs < 0 && _amplifier.ProbeForReset(out wasReset) == DriverStatus.Ok && wasReset)
            {
                _log.Write(LogLevel.Warning, Source, "headphone amplifier lost its registers: the main jack muted, re-synced");
                AbandonAmplifierJacks(nowMs);
                _amplifier.Resync(nowMs);
            }

            return _thermalUntilMs >= 0;
        }

        // A re-sync of the amplifier; one that did not answer at boot was never taken charge of
        // (its driver refuses a re-sync): checked and taken charge of now, as at boot, and its
        // jacks preset again (what they asked of it before went nowhere).
        private DriverStatus BringBackAmplifier(long nowMs)
        {
            DriverStatus status = _amplifier.Resync(nowMs);
            if (status != DriverStatus.InvalidState)
            {
                return status;
            }

            if (!ChipPresence.CheckAmplifier(_amplifier, _log))
            {
                return DriverStatus.BusFault;
            }

            status = _io.ChipsMayBeLive ? _amplifier.TakeCharge(nowMs) : _amplifier.Start(nowMs);
            if (status != DriverStatus.Ok)
            {
                return status;
            }

            _amplifierMissing = false;

            for (int j = 0; j < _jackCount; j++)
            {
                if (_profile.Jacks[j].ThroughAmplifier)
                {
                    PlanJack(j);
                    _outputs[j].Preset(_targets[j]);
                }
            }

            return DriverStatus.Ok;
        }

        // Where a codec is on its way back after a fault.
        private enum CodecRecovery
        {
            None = 0,
            TakingCharge = 1,
            Configuring = 2,
            PoweringOn = 3,
        }

        // A codec whose state cannot be trusted: its jacks muted, the driver takes charge of the
        // chip whatever it holds (a live chip softly down to standby, one at reset started), then
        // it is configured again as at boot and powered on; its jacks fade back in to their levels.
        private void Recover(int i, long nowMs)
        {
            AbandonJacksOf(i, nowMs);
            if (_codecs[i].TakeCharge(nowMs) == DriverStatus.Ok)
            {
                _recovery[i] = CodecRecovery.TakingCharge;
            }
        }

        private void StepRecovery(int i, long nowMs)
        {
            IAudioCodec codec = _codecs[i];
            if (codec.Status != DriverStatus.Ok)
            {
                _recovery[i] = CodecRecovery.None; // failed again: the watch retries with back-off
                if (_codecWatch[i].Fail(nowMs))
                {
                    _log.Write(LogLevel.Error, Source, CodecLabel(i) + " stopped answering while it was brought back: its jack muted, retrying");
                    AbandonJacksOf(i, nowMs);
                }

                return;
            }

            if (codec.Busy || _stage != ClockStage.Live)
            {
                return;
            }

            if (_recovery[i] == CodecRecovery.TakingCharge)
            {
                DriverStatus clocks = codec.ConfigureClocks(_rate, _rate * 256);
                if (clocks == DriverStatus.InvalidState)
                {
                    codec.RequestPowerState(CodecPowerState.Standby, nowMs); // clocks only while it is down
                    return;
                }

                _clockRefused[i] = clocks == DriverStatus.Unsupported;
                SelectInputs(codec); // the inputs the settings chose (a dev board's microphones)
                codec.SetInputGain(new StereoGain(InputGainSetting(0), InputGainSetting(1)));
                for (int j = 0; j < _jackCount; j++)
                {
                    if (_profile.Jacks[j].CodecIndex == i)
                    {
                        PlanJack(j);
                        _outputs[j].Preset(_targets[j]);
                    }
                }

                _recovery[i] = CodecRecovery.Configuring; // the clock sequence runs over the next ticks
                return;
            }

            if (_recovery[i] == CodecRecovery.Configuring)
            {
                if (_clockRefused[i])
                {
                    // Back in charge, left in standby: the rate is not one it can make.
                    _recovery[i] = CodecRecovery.None;
                    if (_codecWatch[i].Failed)
                    {
                        _codecWatch[i].Recovered(nowMs);
                        _log.Write(LogLevel.Info, Source, CodecLabel(i) + " answers again: in standby, it cannot make " + _rate.ToString() + " Hz");
                    }

                    return;
                }

                codec.RequestPowerState(CodecPowerState.On, nowMs);
                _recovery[i] = CodecRecovery.PoweringOn;
                return;
            }

            if (codec.PowerState == CodecPowerState.On)
            {
                _recovery[i] = CodecRecovery.None;
                if (_codecWatch[i].Failed)
                {
                    long awayMs = _codecWatch[i].Recovered(nowMs);
                    _log.Write(LogLevel.Info, Source, CodecLabel(i) + " answers again after " + awayMs.ToString() + " ms: back in charge");
                }
            }
        }

        // The clocks are about to change: a codec that was being configured or powered on for the
        // old ones goes down with the others and is configured again once they are live.
        private void RestartRecoveries()
        {
            for (int i = 0; i < _codecs.Length; i++)
            {
                if (_recovery[i] == CodecRecovery.Configuring || _recovery[i] == CodecRecovery.PoweringOn)
                {
                    _recovery[i] = CodecRecovery.TakingCharge;
                }
            }
        }

        private void AbandonJacksOf(int codec, long nowMs)
        {
            for (int j = 0; j < _jackCount; j++)
            {
                if (_profile.Jacks[j].CodecIndex == codec)
                {
                    _outputs[j].Abandon(nowMs);
                }
            }
        }

        private void AbandonAmplifierJacks(long nowMs)
        {
            for (int j = 0; j < _jackCount; j++)
            {
                if (_profile.Jacks[j].ThroughAmplifier)
                {
                    _outputs[j].Abandon(nowMs);
                }
            }
        }

        private string CodecLabel(int i)
        {
            return _codecs[i].Name + " at I2C address 0x" + Hex(_profile.Codecs[i].Address);
        }

        private static string Hex(int value)
        {
            const string digits = "0123456789ABCDEF";
            return new string(new char[] { digits[(value >> 4) & 0xF], digits[value & 0xF] });
        }
    }
}
