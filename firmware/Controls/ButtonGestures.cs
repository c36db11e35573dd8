using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Controls
{
    /// <summary>
    /// Turns the board's debounced buttons into gestures and, through the board's gesture table,
    /// into actions: down, hold-to-repeat with acceleration, click, double click, long press, two
    /// buttons together (combo, combo held, combo repeat). A button held for
    /// <see cref="StuckMs"/> is stuck and a chattering one is unreliable: each is logged once and
    /// ignored until it behaves.
    /// </summary>
    /// <remarks>
    /// Timing, in ms: long press <see cref="LongPressMs"/>; double-press window
    /// <see cref="DoubleClickMs"/> (a click waits for it only on buttons that have a double
    /// press); repeat after <see cref="RepeatDelayMs"/>, first every <see cref="RepeatStartMs"/>,
    /// each interval 15 % shorter down to <see cref="RepeatFastestMs"/> (at 0.5 dB a step: from
    /// 3.3 dB/s to 12.5 dB/s, full speed about 1.2 s after the press); a combo held for
    /// <see cref="ComboLongMs"/>. A combo is the button held first plus the one pressed while it
    /// is held; neither then clicks, long-presses or repeats on its own.
    /// </remarks>
    public sealed class ButtonGestures
    {
        public const int LongPressMs = 800;
        public const int DoubleClickMs = 300;
        public const int RepeatDelayMs = 400;
        public const int RepeatStartMs = 150;
        public const int RepeatFastestMs = 40;
        public const int ComboLongMs = 3000;
        public const int StuckMs = 20000;

        private const string Source = "buttons";

        private readonly string[] _names;
        private readonly GestureBinding[] _table;
        private readonly ActionQueue _actions;
        private readonly ILog _log;
        private readonly int _count;
        private readonly bool[] _hasDouble;
        private readonly bool[] _hasLong;
        private readonly bool[] _hasRepeat;

        private readonly bool[] _held;
        private readonly long[] _downAtMs;
        private readonly bool[] _longFired;
        private readonly int[] _repeats;
        private readonly long[] _nextRepeatMs;
        private readonly int[] _repeatIntervalMs;
        private readonly bool[] _inCombo;
        private readonly bool[] _clickPending;
        private readonly long[] _clickDeadlineMs;
        private readonly bool[] _stuck;
        private readonly bool[] _ignored;

        private int _comboFirst = -1;
        private int _comboSecond = -1;
        private long _comboStartMs;
        private bool _comboLongFired;

        // Nothing held and no click waiting for its double-click window: Update has nothing to do.
        private bool _quiet;
        private long _nextDueMs; // nothing is due before this (an input change resets it)
        private readonly int[] _singleRow;
        private readonly int _gestureKinds;

        public ButtonGestures(string[] names, GestureBinding[] table, ActionQueue actions, ILog log)
        {
            _names = names;
            _table = table;
            _actions = actions;
            _log = log;
            _count = names.Length;
            _hasDouble = new bool[_count];
            _hasLong = new bool[_count];
            _hasRepeat = new bool[_count];
            _gestureKinds = 1;
            for (int i = 0; i < table.Length; i++)
            {
                GestureBinding row = table[i];
                if (row.Button < 0 || row.Button >= _count)
                {
                    continue;
                }

                _hasDouble[row.Button] |= row.Gesture == Gesture.DoubleClick;
                _hasLong[row.Button] |= row.Gesture == Gesture.LongPress;
                _hasRepeat[row.Button] |= row.Gesture == Gesture.Repeat;
                _gestureKinds = (int)row.Gesture + 1 > _gestureKinds ? (int)row.Gesture + 1 : _gestureKinds;
            }

            // A one-button gesture's row by button and gesture (the first in the table, as a scan
            // would find it): a held key's repeats look it up rather than scan the table.
            _singleRow = new int[_count * _gestureKinds];
            for (int i = 0; i < _singleRow.Length; i++)
            {
                _singleRow[i] = -1;
            }

            for (int i = table.Length - 1; i >= 0; i--)
            {
                GestureBinding row = table[i];
                if (row.Button >= 0 && row.Button < _count && row.OtherButton < 0)
                {
                    _singleRow[row.Button * _gestureKinds + (int)row.Gesture] = i;
                }
            }

            _held = new bool[_count];
            _downAtMs = new long[_count];
            _longFired = new bool[_count];
            _repeats = new int[_count];
            _nextRepeatMs = new long[_count];
            _repeatIntervalMs = new int[_count];
            _inCombo = new bool[_count];
            _clickPending = new bool[_count];
            _clickDeadlineMs = new long[_count];
            _stuck = new bool[_count];
            _ignored = new bool[_count];
        }

        /// <summary>True while the button is held and counted (not stuck, not chattering).</summary>
        public bool IsHeld(int button)
        {
            return _held[button];
        }

        public bool IsStuck(int button)
        {
            return _stuck[button];
        }

        public bool IsIgnored(int button)
        {
            return _ignored[button] || _stuck[button];
        }

        /// <summary>Feeds what the debouncer decided for a button this tick.</summary>
        public void OnInputChange(int button, InputChange change, long nowMs)
        {
            _quiet = false;
            _nextDueMs = long.MinValue; // the next Update looks again
            switch (change)
            {
                case InputChange.Activated:
                    Pressed(button, nowMs);
                    break;
                case InputChange.Deactivated:
                    Released(button, nowMs);
                    break;
                case InputChange.StartedChattering:
                    _ignored[button] = true;
                    Abandon(button);
                    _log.Write(LogLevel.Warning, Source, "button " + _names[button] + " chatters: ignored until it is quiet for 1 s");
                    break;
                case InputChange.StoppedChattering:
                    _ignored[button] = false;
                    _log.Write(LogLevel.Info, Source, "button " + _names[button] + " is quiet again: back in use");
                    break;
            }
        }

        /// <summary>Time-driven gestures: clicks whose double-press window closed, long presses, repeats, stuck buttons.</summary>
        public void Update(long nowMs)
        {
            if (_quiet || nowMs < _nextDueMs)
            {
                return; // nothing held and no click waiting, or nothing due yet: until then or the next input change
            }

            // Each button's due gestures, then when it next has something due (a held key's repeat,
            // long press or stuck time, a combo's, a click's deadline): a held key between its
            // repeats costs a comparison a tick.
            bool quiet = true;
            long due = long.MaxValue;
            for (int b = 0; b < _count; b++)
            {
                if (_clickPending[b] && !_held[b])
                {
                    if (nowMs > _clickDeadlineMs[b])
                    {
                        _clickPending[b] = false;
                        Emit(b, Gesture.Click, -1);
                    }
                    else
                    {
                        quiet = false;
                        due = _clickDeadlineMs[b] + 1 < due ? _clickDeadlineMs[b] + 1 : due;
                    }
                }

                if (!_held[b])
                {
                    continue;
                }

                if (nowMs - _downAtMs[b] >= StuckMs)
                {
                    _stuck[b] = true;
                    Abandon(b);
                    _log.Write(LogLevel.Warning, Source, "button " + _names[b] + " held for 20 s: stuck, ignored until released");
                    due = long.MinValue; // its partner in a combo may have left it: look again next tick
                    quiet = false;
                    continue;
                }

                if (_inCombo[b])
                {
                    UpdateCombo(b, nowMs);
                }
                else
                {
                    if (_hasLong[b] && !_longFired[b] && _repeats[b] == 0 && nowMs - _downAtMs[b] >= LongPressMs)
                    {
                        _longFired[b] = true;
                        Emit(b, Gesture.LongPress, -1);
                    }

                    if (_hasRepeat[b] && nowMs >= _nextRepeatMs[b])
                    {
                        _repeats[b]++;
                        Emit(b, Gesture.Repeat, -1);
                        ScheduleRepeat(b, nowMs);
                    }
                }

                quiet = false;
                due = DueFor(b, due);
            }

            _quiet = quiet;
            _nextDueMs = due;
        }

        // The earlier of due and the next time held button b has something to do.
        private long DueFor(int b, long due)
        {
            long at = _downAtMs[b] + StuckMs;
            if (_inCombo[b])
            {
                if (!_comboLongFired)
                {
                    long comboLong = _comboStartMs + ComboLongMs;
                    at = comboLong < at ? comboLong : at;
                }

                at = _nextRepeatMs[b] < at ? _nextRepeatMs[b] : at;
            }
            else
            {
                if (_hasLong[b] && !_longFired[b] && _repeats[b] == 0)
                {
                    long longPress = _downAtMs[b] + LongPressMs;
                    at = longPress < at ? longPress : at;
                }

                if (_hasRepeat[b])
                {
                    at = _nextRepeatMs[b] < at ? _nextRepeatMs[b] : at;
                }
            }

            return at < due ? at : due;
        }

        private void Pressed(int b, long nowMs)
        {
            if (_stuck[b] || _ignored[b])
            {
                return;
            }

            _held[b] = true;
            _downAtMs[b] = nowMs;
            _longFired[b] = false;
            _repeats[b] = 0;
            _repeatIntervalMs[b] = RepeatStartMs;
            _nextRepeatMs[b] = nowMs + RepeatDelayMs;

            int other = OtherHeld(b);
            if (other >= 0 && _comboFirst < 0)
            {
                _comboFirst = other;
                _comboSecond = b;
                _comboStartMs = nowMs;
                _comboLongFired = false;
                _inCombo[other] = true;
                _inCombo[b] = true;
                _clickPending[other] = false;
                _clickPending[b] = false;
                Emit(other, Gesture.Combo, b);
                return;
            }

            Emit(b, Gesture.Down, -1);
        }

        private void Released(int b, long nowMs)
        {
            if (_stuck[b])
            {
                _stuck[b] = false;
                _log.Write(LogLevel.Info, Source, "button " + _names[b] + " released: back in use");
                return;
            }

            if (!_held[b])
            {
                return;
            }

            _held[b] = false;
            if (_inCombo[b])
            {
                _inCombo[b] = false;
                if (b == _comboFirst || b == _comboSecond)
                {
                    EndCombo();
                }

                return;
            }

            if (_longFired[b] || _repeats[b] > 0)
            {
                return;
            }

            if (!_hasDouble[b])
            {
                Emit(b, Gesture.Click, -1);
            }
            else if (_clickPending[b] && nowMs <= _clickDeadlineMs[b])
            {
                _clickPending[b] = false;
                Emit(b, Gesture.DoubleClick, -1);
            }
            else
            {
                _clickPending[b] = true;
                _clickDeadlineMs[b] = nowMs + DoubleClickMs;
            }
        }

        // The combo's partners stay "in combo" until each is released, so neither clicks afterwards.
        private void EndCombo()
        {
            _comboFirst = -1;
            _comboSecond = -1;
        }

        private void UpdateCombo(int b, long nowMs)
        {
            if (b != _comboSecond || _comboFirst < 0 || !_held[_comboFirst])
            {
                return;
            }

            if (!_comboLongFired && nowMs - _comboStartMs >= ComboLongMs)
            {
                _comboLongFired = true;
                Emit(_comboFirst, Gesture.ComboLong, b);
            }

            if (nowMs >= _nextRepeatMs[b])
            {
                _repeats[b]++;
                Emit(_comboFirst, Gesture.ComboRepeat, b);
                ScheduleRepeat(b, nowMs);
            }
        }

        // From the time the repeat was due, not the tick that found it, so the cadence does not
        // drift by up to a tick a repeat (a held key repeats alike on any tick period); a repeat
        // found more than an interval late (a stalled loop) does not burst to catch up.
        private void ScheduleRepeat(int b, long nowMs)
        {
            long due = _nextRepeatMs[b] + _repeatIntervalMs[b];
            _nextRepeatMs[b] = due > nowMs ? due : nowMs + _repeatIntervalMs[b];
            int next = _repeatIntervalMs[b] * 85 / 100;
            _repeatIntervalMs[b] = next < RepeatFastestMs ? RepeatFastestMs : next;
        }

        // A button that stopped counting (stuck, chattering): it ends whatever it was part of, silently.
        private void Abandon(int b)
        {
            _held[b] = false;
            _clickPending[b] = false;
            _inCombo[b] = false;
            if (b == _comboFirst || b == _comboSecond)
            {
                int partner = b == _comboFirst ? _comboSecond : _comboFirst;
                if (partner >= 0)
                {
                    _inCombo[partner] = _held[partner];
                }

                EndCombo();
            }
        }

        private int OtherHeld(int b)
        {
            for (int i = 0; i < _count; i++)
            {
                if (i != b && _held[i])
                {
                    return i;
                }
            }

            return -1;
        }

        private void Emit(int button, Gesture gesture, int other)
        {
            if (other < 0)
            {
                int at = (int)gesture < _gestureKinds ? _singleRow[button * _gestureKinds + (int)gesture] : -1;
                if (at >= 0)
                {
                    _actions.Add(_table[at].Action);
                }

                return;
            }

            for (int i = 0; i < _table.Length; i++)
            {
                GestureBinding row = _table[i];
                if (row.Button == button && row.Gesture == gesture && row.OtherButton == other)
                {
                    _actions.Add(row.Action);
                    return;
                }
            }
        }
    }
}
