# Independent expected values for TearSheet tests: pandas nanops nanskew/nankurt formulas and quantstats stats.py
# (omega, win_rate, information_ratio, greeks) ported line by line to numpy.
import numpy as np
def pskew(x):
    x=np.asarray(x,float); n=len(x); a=x-x.mean(); m2=(a**2).sum(); m3=(a**3).sum()
    return (n*(n-1)**0.5/(n-2))*(m3/m2**1.5)
def pkurt(x):
    x=np.asarray(x,float); n=len(x); a=x-x.mean(); m2=(a**2).sum(); m4=(a**4).sum()
    num=n*(n+1)*(n-1)*m4; den=(n-2)*(n-3)*m2**2; adj=3*(n-1)**2/((n-2)*(n-3))
    return num/den-adj
def omega(r,th=0):
    d=np.asarray(r)-th; return d[d>0].sum()/(-d[d<0].sum())
def winrate(r):
    r=np.asarray(r); return len(r[r>0])/len(r[r!=0])
def greeks(r,b):
    m=np.cov(r,b); beta=m[0,1]/m[1,1]; return (np.mean(r)-beta*np.mean(b))*252, beta
def ir(r,b):
    d=np.asarray(r)-np.asarray(b); return d.mean()/d.std(ddof=1)
r=[0.01,-0.02,0.03,-0.01,0.05,0.0,0.015,-0.005]
b=[0.005,-0.01,0.02,-0.005,0.015,0.001,0.01,-0.002]
print("skew %.15g kurt %.15g"%(pskew(r),pkurt(r)))
print("omega %.15g winrate %.15g"%(omega(r),winrate(r)))
a,be=greeks(r,b); print("alpha %.15g beta %.15g"%(a,be))
print("ir_daily %.15g ir_ann %.15g te %.15g"%(ir(r,b), ir(r,b)*252**0.5, np.std(np.subtract(r,b),ddof=1)*252**0.5))
print("docs: skew [1,2,1] %.6f [2,3,3] %.6f kurt [1,2,2,3] %.6f [3,4,4,4] %.6f"%(pskew([1,2,1]),pskew([2,3,3]),pkurt([1,2,2,3]),pkurt([3,4,4,4])))
# SPY adj close 2015-01-02..2024-12-31
import csv
rows=[row for row in csv.DictReader(open('backtest-data/prices/SPY.csv'))]
rows=[x for x in rows if '2015-01-02'<=x['date']<='2024-12-31']
p=np.array([float(x['adj_close']) for x in rows]); rr=p[1:]/p[:-1]-1
print("SPY n=%d skew %.12g kurt %.12g best %.12g worst %.12g winrate %.12g omega %.12g"%(len(rr),pskew(rr),pkurt(rr),rr.max(),rr.min(),winrate(rr),omega(rr)))
# monthly/yearly compounded
import collections
dates=[x['date'] for x in rows]
def period(key):
    out=collections.OrderedDict(); start=p[0]
    for i in range(1,len(p)):
        k=key(dates[i]); last = i==len(p)-1 or key(dates[i+1])!=k
        if last: out[k]=p[i]/start-1; start=p[i]
    return out
mo=period(lambda d:d[:7]); yr=period(lambda d:d[:4])
print("SPY best_month %s %.12g worst_month %s %.12g"%(max(mo,key=mo.get),max(mo.values()),min(mo,key=mo.get),min(mo.values())))
print("SPY best_year %s %.12g worst_year %s %.12g"%(max(yr,key=yr.get),max(yr.values()),min(yr,key=yr.get),min(yr.values())))
# trailing: anchor = last close on or before A
def anchor(A):
    idx=[i for i,d in enumerate(dates) if d<=A]; return idx[-1] if idx else 0
last=len(p)-1
for name,A,ann in [("mtd","2024-11-30",0),("3m","2024-09-30",0),("6m","2024-06-30",0),("ytd","2023-12-31",0),("1y","2023-12-31",0),("3y","2021-12-31",1),("5y","2019-12-31",1),("10y","2014-12-31",1)]:
    a=anchor(A); R=p[last]/p[a]-1; k=last-a
    print(name, dates[a], "%.12g"%(((1+R)**(252/k)-1) if ann else R))
